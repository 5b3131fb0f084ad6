using System.Text.RegularExpressions;
using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>An advisor turns on two-factor sign-in on a phone-sized screen, then signs in again with a code.</summary>
public sealed class TwoFactorJourneyTests(AppFixture fixture) : BrowserTest(fixture)
{
    [BrowserFact]
    public async Task An_advisor_turns_on_two_factor_sign_in_and_signs_in_with_a_code()
    {
        await Page.SetViewportSizeAsync(375, 800);
        var account = await CreateAdvisorAsync();
        await Page.SignInAsync(account);

        await Page.ClickHeaderLinkAsync("Sécurité");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sécurité du compte" })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Activer la double authentification" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("QR code") })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();

        var key = (await Page.Locator(".shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Page.GetByLabel(new Regex("^Code à 6 chiffres")).FillAsync("000000");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#Code-erreur")).ToContainTextAsync("Ce code ne correspond pas");
        await Page.AssertAccessibleAsync();
        await Page.GetByLabel(new Regex("^Code à 6 chiffres")).FillAsync(Code(key));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await Page.AssertAccessibleAsync();

        await Page.SignOutAsync();
        await Page.SubmitSignInAsync(account.Email, DemoAccounts.Password);
        await Expect(Page).ToHaveURLAsync(new Regex("/connexion/code"));
        await Page.AssertAccessibleAsync();
        // The next time step's code: the one typed at setup cannot serve twice.
        await Page.GetByLabel(new Regex("^Code à 6 chiffres")).FillAsync(Code(key, stepsAhead: 1));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        // The code sign-in ends on the advisor's home after two redirects; wait for that page's own load.
        await Page.WaitForURLAsync(new Regex("/portefeuille$"), new() { WaitUntil = WaitUntilState.Load });
        await Page.AssertAccessibleAsync();
    }

    private static string Code(string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    private async Task<DemoAccount> CreateAdvisorAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var email = $"deux-facteurs-{Guid.NewGuid():N}@exemple.fr";
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Conseillère Double Facteur",
            ClubId = (await db.Clubs.OrderBy(c => c.Id).FirstAsync()).Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, DemoAccounts.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Advisor);
        return DemoAccounts.AdvisorA with { Email = email, DisplayName = user.DisplayName };
    }
}
