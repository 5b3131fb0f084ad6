using System.Net;
using Coaching.Core.Identity;
using Coaching.Web.Demo;
using OtpNet;
using Coaching.Tests.Support;
using Coaching.Tests.Features.Diagnostics;

namespace Coaching.Tests.Features.Security;

/// <summary>Staff turn on two-factor sign-in with an authenticator app; the sign-in then asks for a code.</summary>
[Collection(AppCollection.Name)]
public sealed class TwoFactorSignInTests(CoachingAppFactory app)
{
    [Fact]
    public async Task An_advisor_turns_on_two_factor_and_then_needs_a_code_to_sign_in()
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        var (key, recoveryCodes) = await TurnOnTwoFactorAsync(account.Email!);
        Assert.Equal(10, recoveryCodes.Count);

        using var client = app.CreateBrowserClient();
        var afterPassword = await CoachingAppFactory.SignInThroughFormAsync(client, account.Email!, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/connexion/code", afterPassword.Headers.Location?.OriginalString);
        // The password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dossiers")).StatusCode);

        var codePage = await client.GetPageAsync(afterPassword.Headers.Location!.OriginalString);
        var wrong = await client.SubmitAsync(codePage, "/connexion/code", ("Code", WrongCode(key))).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal("Code incorrect ou expiré : saisissez le code affiché maintenant.", wrong.FieldError("Code"));

        var right = await client.SubmitAsync(wrong, "/connexion/code", ("Code", FormatLikeAnApp(CurrentCode(key))));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dossiers")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var account = await app.CreateAccountAsync(Roles.ClubManager);
        var (_, recoveryCodes) = await TurnOnTwoFactorAsync(account.Email!);

        Assert.Equal(HttpStatusCode.Redirect, await RecoverAsync(account.Email!, recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.OK, await RecoverAsync(account.Email!, recoveryCodes[0]));
        Assert.Equal(HttpStatusCode.Redirect, await RecoverAsync(account.Email!, recoveryCodes[1]));
    }

    [Fact]
    public async Task A_wrong_code_at_setup_is_refused_in_french_and_leaves_two_factor_off()
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        using var client = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        var setup = await client.GetPageAsync("/compte/securite/authentificateur");
        var key = SharedKeyOf(setup);

        var notDigits = await client.SubmitAsync(setup, "/compte/securite/authentificateur", ("Code", "abc")).ToPageAsync();
        Assert.Equal("Le code comporte 6 chiffres, par exemple 123 456.", notDigits.FieldError("Code"));
        Assert.Equal("abc", notDigits.InputValue("Code"));
        var wrong = await client.SubmitAsync(notDigits, "/compte/securite/authentificateur", ("Code", WrongCode(key))).ToPageAsync();
        Assert.StartsWith("Ce code ne correspond pas.", wrong.FieldError("Code"));
        // The key offered again is the same one: a phone that already scanned it keeps working.
        Assert.Equal(key, SharedKeyOf(wrong));

        var status = await client.GetPageAsync("/compte/securite");
        Assert.Contains("Activer la double authentification", status.Text);
        using var other = app.CreateBrowserClient();
        var signIn = await CoachingAppFactory.SignInThroughFormAsync(other, account.Email!, DemoAccounts.Password);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_changes_the_key()
    {
        var account = await app.CreateAccountAsync(Roles.Admin);
        var (key, _) = await TurnOnTwoFactorAsync(account.Email!);
        using var client = await SignInWithCodeAsync(account.Email!, key);

        var form = await client.GetPageAsync("/compte/securite/desactiver");
        var refused = await client.SubmitAsync(form, "/compte/securite/desactiver", ("Password", "pas le bon mot de passe")).ToPageAsync();
        Assert.Equal("Mot de passe incorrect.", refused.FieldError("Password"));
        var done = await client.SubmitAsync(refused, "/compte/securite/desactiver", ("Password", DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        // This session goes on (its cookie was refreshed), and the next sign-in needs only the password.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dossiers")).StatusCode);
        using var other = app.CreateBrowserClient();
        Assert.Equal("/", (await CoachingAppFactory.SignInThroughFormAsync(other, account.Email!, DemoAccounts.Password)).Headers.Location?.OriginalString);

        var again = await client.GetPageAsync("/compte/securite/authentificateur");
        Assert.NotEqual(key, SharedKeyOf(again));
    }

    [Fact]
    public async Task The_code_step_without_a_password_step_sends_back_to_the_sign_in_page()
    {
        using var client = app.CreateBrowserClient();
        var response = await client.GetAsync("/connexion/code");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connexion", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_only_once()
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        var (key, _) = await TurnOnTwoFactorAsync(account.Email!);
        var code = CurrentCode(key);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitCodeAsync(account.Email!, code)).Status);
        var replayed = await SubmitCodeAsync(account.Email!, code);
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Equal("Code incorrect ou expiré : saisissez le code affiché maintenant.", replayed.FieldError("Code"));
        // Nor does a code of an earlier time step; the next step's code works.
        Assert.Equal(HttpStatusCode.OK, (await SubmitCodeAsync(account.Email!, new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(-30)))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitCodeAsync(account.Email!, CurrentCode(key))).Status);
    }

    private async Task<HtmlPage> SubmitCodeAsync(string email, string code)
    {
        using var client = app.CreateBrowserClient();
        var afterPassword = await CoachingAppFactory.SignInThroughFormAsync(client, email, DemoAccounts.Password);
        var codePage = await client.GetPageAsync(afterPassword.Headers.Location!.OriginalString);
        return await client.SubmitAsync(codePage, "/connexion/code", ("Code", code)).ToPageAsync();
    }

    private async Task<(string Key, List<string> RecoveryCodes)> TurnOnTwoFactorAsync(string email)
    {
        using var client = await app.SignInAsync(email, DemoAccounts.Password);
        var setup = await client.GetPageAsync("/compte/securite/authentificateur");
        var qr = setup.Document.QuerySelector("img.qr-code")?.GetAttribute("src");
        Assert.StartsWith("data:image/png;base64,", qr);
        var key = SharedKeyOf(setup);

        var codes = await client.SubmitAsync(setup, "/compte/securite/authentificateur", ("Code", CurrentCode(key))).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, codes.Status);
        var recovery = codes.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent.Trim()).ToList();
        // The session that turned it on stays signed in.
        Assert.Contains("Activée.", (await client.GetPageAsync("/compte/securite")).Text);
        return (key, recovery);
    }

    private async Task<HttpClient> SignInWithCodeAsync(string email, string key)
    {
        var client = app.CreateBrowserClient();
        var afterPassword = await CoachingAppFactory.SignInThroughFormAsync(client, email, DemoAccounts.Password);
        var codePage = await client.GetPageAsync(afterPassword.Headers.Location!.OriginalString);
        var signedIn = await client.SubmitAsync(codePage, "/connexion/code", ("Code", CurrentCode(key)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    private async Task<HttpStatusCode> RecoverAsync(string email, string recoveryCode)
    {
        using var client = app.CreateBrowserClient();
        await CoachingAppFactory.SignInThroughFormAsync(client, email, DemoAccounts.Password);
        var page = await client.GetPageAsync("/connexion/code-de-secours");
        return (await client.SubmitAsync(page, "/connexion/code-de-secours", ("Code", recoveryCode))).StatusCode;
    }

    private static string SharedKeyOf(HtmlPage page) =>
        (page.Document.QuerySelector(".shared-key")?.TextContent ?? throw new InvalidOperationException("No shared key on the page."))
            .Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> CodesGiven = new();

    /// <summary>A valid code, each one of a key a time step later than the one before: a code serves only once.</summary>
    private static string CurrentCode(string key)
    {
        var stepsAhead = CodesGiven.AddOrUpdate(key, 0, (_, given) => given + 1);
        return new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));
    }

    /// <summary>A code of the same key from an hour ago: well-formed, but outside any window the server accepts.</summary>
    private static string WrongCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddHours(-1));

    private static string FormatLikeAnApp(string code) => code[..3] + " " + code[3..];
}
