using System.Net;
using Coaching.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.Hosting;

namespace Coaching.Tests.Features.Security;

/// <summary>The public forms are throttled per client address and per account, with a French 429 page.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string ClientHeader = "X-Test-Client";
    private const int PerClient = 4;
    private const int PerAccount = 3;

    private readonly CoachingAppFactory _app = new()
    {
        ConfigureServices = services =>
        {
            services.Configure<RateLimitOptions>(o =>
            {
                o.PerClientPermitLimit = PerClient;
                o.PerAccountPermitLimit = PerAccount;
                o.PerAccountWindow = o.PerClientWindow = TimeSpan.FromMinutes(10);
            });
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        },
    };

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task The_next_attempt_from_one_address_gets_the_French_429_page_and_another_address_goes_on()
    {
        using var client = ClientAt("203.0.113.7");
        for (var attempt = 1; attempt <= PerClient; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"inconnu-{attempt}@exemple.fr")).Status);

        var refused = await SignInAsync(client, "encore-un@exemple.fr");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Trop de tentatives", refused.Text);
        Assert.Matches("attendez \\d+\\s(minutes?|secondes?) avant de réessayer", refused.Text);
        var retryAfter = refused.Response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        // The other public forms share the policy; pages are still served.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/connexion")).StatusCode);
        using var other = ClientAt("198.51.100.9");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(other, "inconnu-1@exemple.fr")).Status);
    }

    [Fact]
    public async Task One_account_is_throttled_whatever_the_address()
    {
        for (var attempt = 1; attempt <= PerAccount; attempt++)
        {
            using var client = ClientAt($"192.0.2.{attempt}");
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "cible@exemple.fr")).Status);
        }
        using var next = ClientAt("192.0.2.200");
        var refused = await SignInAsync(next, "CIBLE@exemple.fr");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Trop de tentatives", refused.Text);
        Assert.NotNull(refused.Response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(next, "quelqu-un-d-autre@exemple.fr")).Status);
    }

    private HttpClient ClientAt(string address)
    {
        var client = _app.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private static Task<HtmlPage> SignInAsync(HttpClient client, string email) =>
        CoachingAppFactory.SignInThroughFormAsync(client, email, "pas le bon mot de passe").ToPageAsync();

    /// <summary>Gives each test client its own remote address (TestServer has none).</summary>
    private sealed class TestClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
