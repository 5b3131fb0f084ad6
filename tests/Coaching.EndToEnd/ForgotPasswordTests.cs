using System.Text.RegularExpressions;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.Playwright;
using MimeKit;
using Coaching.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

public sealed partial class ForgotPasswordTests(AppFixture fixture) : BrowserTest(fixture)
{
    [BrowserFact]
    public async Task Forgotten_password_page_asks_for_an_email_in_french()
    {
        await Page.GotoAndCheckAsync("/connexion");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/mot-de-passe-oublie$"));
        await Page.AssertAccessibleAsync();

        await Page.GetByLabel("Adresse e-mail").FillAsync("pas-une-adresse");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le lien" }).ClickAsync();
        await Page.AssertAccessibleAsync();

        var email = Page.GetByLabel("Adresse e-mail");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToHaveValueAsync("pas-une-adresse");
        await Expect(email).ToHaveAccessibleDescriptionAsync(new Regex("^Saisissez une adresse e-mail valide"));
    }

    [BrowserFact]
    public async Task Reset_link_from_the_email_sets_a_new_password()
    {
        var account = DemoAccounts.Manager;
        var since = DateTime.UtcNow.AddSeconds(-1);

        await Page.GotoAndCheckAsync("/mot-de-passe-oublie");
        await Page.GetByLabel("Adresse e-mail").FillAsync(account.Email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer le lien" }).ClickAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vérifiez votre messagerie");

        var link = await WaitForResetLinkAsync(account.Email, since);
        Assert.StartsWith(Fixture.BaseUrl + "/reinitialiser-mot-de-passe?", link, StringComparison.Ordinal);
        await Page.GotoAndCheckAsync(link);
        // The same password again, so that the other tests can still sign in with it.
        await Page.GetByLabel("Nouveau mot de passe").FillAsync(DemoAccounts.Password);
        await Page.GetByLabel("Confirmez le mot de passe").FillAsync(DemoAccounts.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/connexion$"));
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre mot de passe a été changé.");

        await Page.SubmitSignInAsync(account.Email, DemoAccounts.Password);
        await Expect(Page.GetByRole(AriaRole.Banner)).ToContainTextAsync(account.DisplayName);
        await Page.AssertAccessibleAsync();

        // A reset link serves once.
        await Page.SignOutAsync();
        await Page.GotoAndCheckAsync(link);
        await Page.GetByLabel("Nouveau mot de passe").FillAsync("Un-autre-mot-de-passe-2026");
        await Page.GetByLabel("Confirmez le mot de passe").FillAsync("Un-autre-mot-de-passe-2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ce lien n’est plus valide");
    }

    private async Task<string> WaitForResetLinkAsync(string recipient, DateTime sinceUtc)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Assertion;
        while (true)
        {
            var folder = Fixture.App.MailPickupFolder;
            FileInfo[] files = Directory.Exists(folder)
                ? [.. new DirectoryInfo(folder).GetFiles("*.eml").Where(f => f.LastWriteTimeUtc >= sinceUtc).OrderByDescending(f => f.LastWriteTimeUtc)]
                : [];
            foreach (var file in files)
            {
                using var message = await MimeMessage.LoadAsync(file.FullName);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase))
                    && ResetLink().Match(message.TextBody ?? "") is { Success: true } match)
                {
                    return match.Value;
                }
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"No password-reset email to {recipient} in {folder}.");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"https?://\S+/reinitialiser-mot-de-passe\?\S+")]
    private static partial Regex ResetLink();
}
