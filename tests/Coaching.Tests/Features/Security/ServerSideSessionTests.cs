using System.Net;
using Coaching.Core.Identity;
using Coaching.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.Demo;
using Coaching.Web.Jobs;
using Coaching.Tests.Hosting;

namespace Coaching.Tests.Features.Security;

/// <summary>Sign-in sessions live in the database: a copied cookie dies with its session.</summary>
[Collection(AppCollection.Name)]
public sealed class ServerSideSessionTests(CoachingAppFactory app)
{
    private const string StaffPage = "/dossiers";

    [Fact]
    public async Task A_copied_cookie_is_refused_right_after_sign_out()
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        var cookies = new CookieContainer();
        using var browser = app.CreateBrowserClient(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await CoachingAppFactory.SignInThroughFormAsync(browser, account.Email!, DemoAccounts.Password)).StatusCode);
        using var copy = CopyOf(cookies);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(StaffPage)).StatusCode);

        var page = await browser.GetPageAsync("/compte/securite");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/deconnexion", page)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync(StaffPage)).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == account.Id)));
    }

    [Theory]
    [InlineData("password change")]
    [InlineData("password reset")]
    [InlineData("deactivation")]
    [InlineData("role change")]
    public async Task Every_session_of_the_account_ends_at_once(string change)
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        using var laptop = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        using var phone = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(StaffPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(StaffPage)).StatusCode);

        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(account.Id))!;
            var result = change switch
            {
                "password change" => await users.ChangePasswordAsync(user, DemoAccounts.Password, "Un-autre-mot-de-passe-2026"),
                "password reset" => await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Un-autre-mot-de-passe-2026"),
                "deactivation" => await Deactivate(users, user),
                _ => await users.AddToRoleAsync(user, Roles.ClubManager),
            };
            Assert.True(result.Succeeded);
            return 0;
        });

        // No wait for a security-stamp check: the very next request of each device is signed out.
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync(StaffPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(StaffPage)).StatusCode);
    }

    [Fact]
    public async Task The_security_page_lists_the_sessions_and_ends_another_one()
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        using var laptop = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        using var phone = await app.SignInAsync(account.Email!, DemoAccounts.Password);

        var page = await laptop.GetPageAsync("/compte/securite");
        var items = page.Document.QuerySelectorAll(".session-list li");
        Assert.Equal(2, items.Length);
        Assert.Single(items, li => li.TextContent.Contains("(cet appareil)", StringComparison.Ordinal));
        var other = page.Document.QuerySelector(".session-list input[name=id]")!.GetAttribute("value")!;

        var ended = await laptop.PostFormAsync("/compte/securite/sessions/terminer", page, ("id", other));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(StaffPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(StaffPage)).StatusCode);
        Assert.Single((await laptop.GetPageAsync("/compte/securite")).Document.QuerySelectorAll(".session-list li"));
    }

    [Fact]
    public async Task A_merchant_sees_the_sessions_of_the_account_and_ends_another_one_without_two_factor_settings()
    {
        var account = await app.CreateAccountAsync(Roles.Merchant, merchantId: app.Ids.MerchantB);
        using var laptop = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        using var phone = await app.SignInAsync(account.Email!, DemoAccounts.Password);

        var page = await laptop.GetPageAsync("/compte/securite");
        Assert.Equal(2, page.Document.QuerySelectorAll(".session-list li").Length);
        Assert.DoesNotContain("Double authentification", page.Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await laptop.GetAsync("/compte/securite/authentificateur")).StatusCode);
        var other = page.Document.QuerySelector(".session-list input[name=id]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await laptop.PostFormAsync("/compte/securite/sessions/terminer", page, ("id", other))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/mon-espace")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/mon-espace")).StatusCode);
    }

    [Fact]
    public async Task Expired_and_ended_sessions_are_purged()
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        using var client = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        using var other = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        await app.QueryAsync(db => db.UserSessions.Where(s => s.UserId == account.Id).Take(1)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, app.Clock.GetUtcNow().AddMinutes(-1))));

        await app.QueryAsync(db => DailyTrustJobs.PurgeEndedSessionsAsync(db, app.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(1, await app.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == account.Id)));
    }

    private static async Task<IdentityResult> Deactivate(UserManager<AppUser> users, AppUser user)
    {
        user.IsActive = false;
        return await users.UpdateAsync(user);
    }

    private HttpClient CopyOf(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies()) copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return app.CreateBrowserClient(copy);
    }
}

/// <summary>Two instances on one database share the sessions: a sign-out on one ends the session on the other.</summary>
public sealed class SharedSessionTests
{
    [Fact]
    public async Task A_session_opened_on_one_instance_works_and_ends_on_the_other()
    {
        await using var first = new CoachingAppFactory();
        await first.InitializeAsync();
        await using var second = new SecondInstanceFactory(first);
        _ = second.Server;

        var account = await first.CreateAccountAsync(Roles.Advisor);
        var cookies = new CookieContainer();
        using var onFirst = first.CreateBrowserClient(cookies);
        await CoachingAppFactory.SignInThroughFormAsync(onFirst, account.Email!, DemoAccounts.Password);
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies()) copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        using var onSecond = second.CreateBrowserClient(cookies);
        var page = await onSecond.GetPageAsync("/compte/securite");

        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.PostFormAsync("/deconnexion", page)).StatusCode);
        Assert.Equal(0, await first.QueryAsync(db => db.UserSessions.CountAsync(s => s.UserId == account.Id)));
        using var stale = first.CreateBrowserClient(copy);
        Assert.Equal(HttpStatusCode.Redirect, (await stale.GetAsync("/dossiers")).StatusCode);
    }
}
