using System.Net;
using Coaching.Web.Demo;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>The browser-side protections are on every answer, whatever its kind, and every cookie is locked down.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(CoachingAppFactory app)
{
    public static TheoryData<string, HttpStatusCode> Answers => new()
    {
        { "/connexion", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/js/site.js", HttpStatusCode.OK },
        { "/health", HttpStatusCode.OK },
        { "/", HttpStatusCode.Redirect },
        { "/dossiers", HttpStatusCode.Redirect },
        { "/page-qui-n-existe-pas", HttpStatusCode.NotFound },
        { "/dossiers/pas-un-nombre", HttpStatusCode.NotFound },
        { "/Merchants/Details/5", HttpStatusCode.MovedPermanently },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_carries_the_security_headers(string url, HttpStatusCode expected)
    {
        using var client = app.CreateBrowserClient();
        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts_for_a_year()
    {
        // The test app runs in the "Testing" environment: everything but Development gets the production pipeline.
        using var https = app.CreateDefaultClient(new Uri("https://coaching.exemple.fr"));
        var response = await https.GetAsync("/connexion");
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));

        // Never over plain HTTP (the browser would ignore it), so a first visit over HTTP is redirected by the proxy, not here.
        using var http = app.CreateDefaultClient(new Uri("http://coaching.exemple.fr"));
        Assert.False((await http.GetAsync("/connexion")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Refused_posts_and_forbidden_pages_carry_them_too()
    {
        using var anonymous = app.CreateBrowserClient();
        var noToken = await anonymous.PostAsync("/connexion", new FormUrlEncodedContent([new("Email", "x@exemple.fr")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        AssertSecurityHeaders(noToken);

        using var merchant = await app.CreateClientAs(Persona.MerchantA);
        var forbidden = await merchant.GetAsync("/dossiers");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        AssertSecurityHeaders(forbidden);
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_and_same_site()
    {
        using var client = app.CreateBrowserClient();
        var signInPage = await client.GetAsync("/connexion");
        var signedIn = await CoachingAppFactory.SignInThroughFormAsync(client, DemoAccounts.AdvisorA.Email, DemoAccounts.Password);
        var page = await client.GetPageAsync("/dossiers");
        var signedOut = await client.PostFormAsync("/deconnexion", page);

        var cookies = new[] { signInPage, signedIn, signedOut }
            .SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .ToList();
        Assert.Contains(cookies, c => c.StartsWith("Coaching.Auth=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("Coaching.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Contains("; samesite=lax", attributes);
        });
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var scriptSources = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSources);
        Assert.DoesNotContain("unsafe-eval", scriptSources);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
