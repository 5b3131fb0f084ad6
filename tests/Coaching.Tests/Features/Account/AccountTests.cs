using System.Net;
using System.Text.RegularExpressions;
using Coaching.Core.Identity;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Coaching.Tests.Support;
using Coaching.Tests.Features.Diagnostics;
using Coaching.Web.Commands;

namespace Coaching.Tests.Features.Account;

/// <summary>Sign-in, lockout, forgotten password, invitations and the French error pages, through the real forms.</summary>
[Collection(AppCollection.Name)]
public sealed partial class AccountTests(CoachingAppFactory app)
{
    private const string WrongCredentials = "Adresse e-mail ou mot de passe incorrect.";
    private const string NewPassword = "Une phrase de passe assez longue";

    public static TheoryData<Persona> SignedInPersonas => new(Personas.All.Where(p => p != Persona.Anonymous));

    [Theory]
    [MemberData(nameof(SignedInPersonas))]
    public async Task Each_demo_account_signs_in_through_the_form(Persona persona)
    {
        var account = persona.Account()!;
        var cookies = new CookieContainer();
        using var client = app.CreateBrowserClient(cookies);

        var response = await CoachingAppFactory.SignInThroughFormAsync(client, account.Email, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "Coaching.Auth");
        var page = await client.GetPageAsync("/connexion");
        Assert.Equal(account.DisplayName, page.Document.QuerySelector(".signout__name")?.TextContent.Trim());
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_return_url_only()
    {
        using var client = app.CreateBrowserClient();
        var local = await client.SubmitAsync(await client.GetPageAsync("/connexion?returnUrl=%2Facces-refuse"), "/connexion",
            ("Email", DemoAccounts.Admin.Email), ("Password", DemoAccounts.Password));
        Assert.Equal("/acces-refuse", local.Headers.Location?.OriginalString);

        using var other = app.CreateBrowserClient();
        var external = await other.SubmitAsync(await other.GetPageAsync("/connexion?returnUrl=https%3A%2F%2Fpirate.example%2F"), "/connexion",
            ("Email", DemoAccounts.Admin.Email), ("Password", DemoAccounts.Password));
        Assert.Equal("/", external.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Wrong_password_shows_a_French_message_and_keeps_the_email()
    {
        var user = await app.CreateAccountAsync(Roles.Advisor);
        var cookies = new CookieContainer();
        using var client = app.CreateBrowserClient(cookies);

        var page = await CoachingAppFactory.SignInThroughFormAsync(client, user.Email!, "pas le bon mot de passe").ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(WrongCredentials, page.FormErrors);
        Assert.Equal(user.Email, page.InputValue("Email"));
        Assert.True(string.IsNullOrEmpty(page.InputValue("Password")), "The password must not be sent back to the browser.");
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "Coaching.Auth");
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        using var client = app.CreateBrowserClient();
        var page = await CoachingAppFactory.SignInThroughFormAsync(client, "personne@exemple.fr", DemoAccounts.Password).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([WrongCredentials], page.FormErrors);
    }

    [Fact]
    public async Task Empty_or_malformed_fields_get_French_messages_next_to_them()
    {
        using var client = app.CreateBrowserClient();
        var page = await CoachingAppFactory.SignInThroughFormAsync(client, "pas-une-adresse", "").ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.", page.FieldError("Email"));
        Assert.Equal("Saisissez votre mot de passe.", page.FieldError("Password"));
        Assert.Equal("pas-une-adresse", page.InputValue("Email"));
    }

    [Fact]
    public async Task Fifth_failure_locks_the_account_even_for_the_right_password()
    {
        var user = await app.CreateAccountAsync(Roles.Merchant);
        using var client = app.CreateBrowserClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await CoachingAppFactory.SignInThroughFormAsync(client, user.Email!, "mauvais mot de passe " + attempt).ToPageAsync();
            Assert.Equal([WrongCredentials], failed.FormErrors);
        }
        var fifth = await CoachingAppFactory.SignInThroughFormAsync(client, user.Email!, "mauvais mot de passe 5").ToPageAsync();
        // The same answer as for an unknown address: a locked account must not tell that it exists.
        Assert.Equal([WrongCredentials], fifth.FormErrors);

        var right = await CoachingAppFactory.SignInThroughFormAsync(client, user.Email!, DemoAccounts.Password).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal([WrongCredentials], right.FormErrors);
        Assert.True(await app.WithScopeAsync(services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return users.FindByIdAsync(user.Id).ContinueWith(found => users.IsLockedOutAsync(found.Result!)).Unwrap();
        }));
    }

    [Fact]
    public async Task Locked_and_unknown_accounts_get_the_same_answer_and_both_cost_a_password_hash()
    {
        var hasher = new CountingPasswordHasher();
        await using var counted = new CoachingAppFactory { ConfigureServices = services => services.AddScoped<IPasswordHasher<AppUser>>(_ => hasher) };
        await counted.InitializeAsync();
        var locked = await counted.CreateAccountAsync(Roles.Advisor);
        await counted.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.UtcNow.AddMinutes(5));
        });
        using var client = counted.CreateBrowserClient();

        var before = hasher.Verifications;
        var unknown = await CoachingAppFactory.SignInThroughFormAsync(client, "personne-" + Guid.NewGuid().ToString("N") + "@exemple.fr", "un mot de passe").ToPageAsync();
        Assert.Equal(1, hasher.Verifications - before);
        before = hasher.Verifications;
        var lockedAnswer = await CoachingAppFactory.SignInThroughFormAsync(client, locked.Email!, "un mot de passe").ToPageAsync();
        Assert.Equal(1, hasher.Verifications - before);

        Assert.Equal([WrongCredentials], unknown.FormErrors);
        Assert.Equal(unknown.FormErrors, lockedAnswer.FormErrors);
        Assert.Equal(HttpStatusCode.OK, lockedAnswer.Status);
    }

    /// <summary>Identity's hasher, counting the password checks.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Forgotten_password_mails_a_reset_link_that_works_once()
    {
        var user = await app.CreateAccountAsync(Roles.Advisor);
        using var client = app.CreateBrowserClient();

        var sent = await client.SubmitAsync(await client.GetPageAsync("/mot-de-passe-oublie"), "/mot-de-passe-oublie", ("Email", user.Email!)).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, sent.Status);

        var link = ResetLinkIn(await SingleMailToAsync(user.Email!));
        var form = await client.GetPageAsync(link.PathAndQuery);
        Assert.Equal(user.Id, form.InputValue("UserId"));
        var reset = await client.SubmitAsync(form, "/reinitialiser-mot-de-passe", ("Password", NewPassword), ("ConfirmPassword", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/connexion", reset.Headers.Location?.OriginalString);

        using var signedIn = await app.SignInAsync(user.Email!, NewPassword);

        var again = await client.SubmitAsync(await client.GetPageAsync(link.PathAndQuery), "/reinitialiser-mot-de-passe",
            ("Password", "Encore une autre phrase"), ("ConfirmPassword", "Encore une autre phrase")).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Ce lien n'est plus valide : il a expiré ou a déjà servi. Demandez-en un nouveau.", again.FormErrors);
    }

    [Fact]
    public async Task Forgotten_password_answers_the_same_for_an_unknown_address_and_sends_nothing()
    {
        using var client = app.CreateBrowserClient();
        var email = $"inconnu-{Guid.NewGuid():N}@exemple.fr";

        var known = await client.SubmitAsync(await client.GetPageAsync("/mot-de-passe-oublie"), "/mot-de-passe-oublie", ("Email", DemoAccounts.Admin.Email)).ToPageAsync();
        var unknown = await client.SubmitAsync(await client.GetPageAsync("/mot-de-passe-oublie"), "/mot-de-passe-oublie", ("Email", email)).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(known.Document.QuerySelector("main")?.TextContent, unknown.Document.QuerySelector("main")?.TextContent);
        Assert.Empty(await MailsToAsync(email));
    }

    [Fact]
    public async Task Reset_link_points_to_the_public_address_whatever_the_host_header()
    {
        var user = await app.CreateAccountAsync(Roles.Advisor);
        using var client = app.CreateBrowserClient();
        var page = await client.GetPageAsync("/mot-de-passe-oublie");
        var request = new HttpRequestMessage(HttpMethod.Post, "/mot-de-passe-oublie")
        {
            Content = new FormUrlEncodedContent([new("Email", user.Email!), new(HtmlPage.AntiforgeryFieldName, page.AntiforgeryToken!)]),
        };
        request.Headers.Host = "pirate.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = ResetLinkIn(await SingleMailToAsync(user.Email!));
        Assert.Equal(CoachingAppFactory.PublicBaseUrl, link.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task Forgotten_password_form_keeps_a_malformed_address_with_a_French_message()
    {
        using var client = app.CreateBrowserClient();
        var page = await client.SubmitAsync(await client.GetPageAsync("/mot-de-passe-oublie"), "/mot-de-passe-oublie", ("Email", "marc@")).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.", page.FieldError("Email"));
        Assert.Equal("marc@", page.InputValue("Email"));
    }

    [Fact]
    public async Task New_password_must_be_long_enough_and_confirmed()
    {
        using var client = app.CreateBrowserClient();
        var form = await client.GetPageAsync("/reinitialiser-mot-de-passe?userId=x&token=y");

        var page = await client.SubmitAsync(form, "/reinitialiser-mot-de-passe", ("Password", "court"), ("ConfirmPassword", "autre")).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Le mot de passe doit contenir au moins 12 caractères.", page.FieldError("Password"));
        Assert.Equal("Les deux mots de passe ne sont pas identiques.", page.FieldError("ConfirmPassword"));
    }

    [Fact]
    public async Task Invitation_link_sets_a_password_signs_in_and_works_once()
    {
        var user = await app.CreateAccountAsync(Roles.Merchant, password: null);
        var token = await app.WithScopeAsync(services => services.GetRequiredService<UserManager<AppUser>>()
            .GenerateUserTokenAsync(user, IdentityServices.InvitationTokenProvider, IdentityServices.InvitationPurpose));
        var link = $"/invitation?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        var cookies = new CookieContainer();
        using var client = app.CreateBrowserClient(cookies);

        var accepted = await client.SubmitAsync(await client.GetPageAsync(link), "/invitation", ("Password", NewPassword), ("ConfirmPassword", NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == "Coaching.Auth");

        using var other = app.CreateBrowserClient();
        var again = await other.SubmitAsync(await other.GetPageAsync(link), "/invitation", ("Password", "Une toute autre phrase"), ("ConfirmPassword", "Une toute autre phrase")).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Cette invitation n'est plus valide : elle a expiré ou a déjà servi. Demandez une nouvelle invitation à votre conseiller.", again.FormErrors);
    }

    [Fact]
    public async Task Health_answers_200_once_the_database_is_ready()
    {
        using var client = app.CreateBrowserClient();
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_url_gets_the_French_404_page_without_internals()
    {
        using var client = await app.CreateClientAs(Persona.AdvisorA);
        var page = await client.GetPageAsync("/cette-page-n-existe-pas", HttpStatusCode.NotFound);

        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page introuvable", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("Exception", page.Html, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), page.Html);
    }

    private async Task<IReadOnlyList<MimeMessage>> MailsToAsync(string email)
    {
        if (!Directory.Exists(app.MailPickupFolder)) return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(app.MailPickupFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
                messages.Add(message);
        }
        return messages;
    }

    private async Task<MimeMessage> SingleMailToAsync(string email) => Assert.Single(await MailsToAsync(email));

    private static Uri ResetLinkIn(MimeMessage message)
    {
        Assert.Equal("Réinitialisation de votre mot de passe", message.Subject);
        var match = ResetLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "No reset link in the e-mail:\n" + message.TextBody);
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://\S+/reinitialiser-mot-de-passe\?\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"\bat [\w.]+\(.*\) in ")]
    private static partial Regex StackFrame();
}
