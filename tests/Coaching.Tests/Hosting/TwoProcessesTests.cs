using System.Net;
using Coaching.Web.Demo;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>
/// Two real app processes on two ports and one database (one SQLite file, or one PostgreSQL database in
/// Coaching.Tests.Postgres), as behind a load balancer: a session opened on one is honoured by the other. Each process
/// gets its own HOME, so the only key ring they can share is the database's.
/// </summary>
public sealed class TwoProcessesTests : IDisposable
{
    private readonly ServerFolder _folder = new("coaching-instances-");

    [Fact]
    public async Task A_sign_in_cookie_and_an_antiforgery_token_from_one_instance_are_accepted_by_the_other()
    {
        using var a = await ServerProcess.StartAsync(_folder.Path, _folder.Environment("a"));
        using var b = await ServerProcess.StartAsync(_folder.Path, _folder.Environment("b"));
        var cookies = new CookieContainer(); // cookies do not depend on the port: both instances get them, as behind one host name
        using var onA = Client(a.BaseUrl, cookies);
        using var onB = Client(b.BaseUrl, cookies);

        var signIn = await onA.SubmitAsync(await onA.GetPageAsync("/connexion"), "/connexion",
            ("Email", DemoAccounts.AdvisorA.Email), ("Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var tokenFromA = (await onA.GetPageAsync("/connexion")).AntiforgeryToken;

        var portfolio = await onB.GetAsync("/portefeuille");
        Assert.Equal(HttpStatusCode.OK, portfolio.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await onB.PostFormAsync("/deconnexion", "not-a-token")).StatusCode);
        var signOut = await onB.PostFormAsync("/deconnexion", tokenFromA);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await onA.GetAsync("/portefeuille")).StatusCode); // signed out everywhere
    }

    public void Dispose() => _folder.Dispose();

    private static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
}
