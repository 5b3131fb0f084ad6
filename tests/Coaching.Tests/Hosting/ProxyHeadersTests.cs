using System.Net;
using Coaching.Core.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>Behind a reverse proxy: forwarded headers are believed from the configured proxy only.</summary>
public sealed class ProxyHeadersTests(ProxyHeadersTests.ProxyAppFactory app) : IClassFixture<ProxyHeadersTests.ProxyAppFactory>
{
    private const string Proxy = "10.1.2.3";
    private readonly ProxyAppFactory _app = app;

    [Fact]
    public async Task The_known_proxy_s_scheme_and_client_address_are_used()
    {
        var (cookie, ip) = await FailedSignInThroughAsync(Proxy, "203.0.113.7");

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("203.0.113.7", ip);
    }

    [Fact]
    public async Task A_proxy_inside_a_known_network_is_believed_too()
    {
        var (_, ip) = await FailedSignInThroughAsync("192.168.40.9", "198.51.100.20");

        Assert.Equal("198.51.100.20", ip);
    }

    [Fact]
    public async Task An_unknown_proxy_s_headers_are_ignored()
    {
        var (cookie, ip) = await FailedSignInThroughAsync("172.16.0.9", "203.0.113.8");

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("172.16.0.9", ip);
    }

    /// <summary>Over plain HTTP from <paramref name="peer"/>, which says it forwards HTTPS for <paramref name="client"/>.</summary>
    private async Task<(string AntiforgeryCookie, string? AuditIp)> FailedSignInThroughAsync(string peer, string client)
    {
        // No cookie container: a browser on http:// would not send back a Secure cookie; the proxy's client is on https.
        var browser = _app.CreateDefaultClient(new Uri("http://coaching.exemple.fr"));
        browser.DefaultRequestHeaders.Add(PeerAddress.Header, peer);
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var signIn = await browser.GetAsync("/connexion");
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("Coaching.Antiforgery=", StringComparison.Ordinal));
        var email = $"proxy-{Guid.NewGuid():N}@exemple.fr";
        var token = (await HtmlPage.ParseAsync(signIn)).AntiforgeryToken!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/connexion")
        {
            Content = new FormUrlEncodedContent([new(HtmlPage.AntiforgeryFieldName, token), new("Email", email), new("Password", "Pas-le-bon-mot-de-passe-1")]),
        };
        post.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(post)).StatusCode);
        var hash = _app.Services.GetRequiredService<AuditEmailHasher>().Hash(email);
        var ip = await _app.QueryAsync(db => db.AuditEntries.Where(e => e.EmailHash == hash).Select(e => e.IpAddress).SingleAsync());
        return (cookie, ip);
    }

    public sealed class ProxyAppFactory : CoachingAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddress>());
            builder.UseSetting("Proxy:KnownProxies:0", Proxy);
            builder.UseSetting("Proxy:KnownNetworks:0", "192.168.40.0/24");
            // Cookies follow the request's scheme here, so that the test sees which scheme the app believed.
            builder.UseSetting("Coaching:SecureCookies", "false");
        }
    }

    /// <summary>The test server has no TCP peer: this sets the address a request comes from, before the app's pipeline.</summary>
    private sealed class PeerAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header] is [{ } peer]) context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
