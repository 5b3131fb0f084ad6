using System.Net;
using Coaching.Core.Identity;
using Coaching.Tests.Support;
using Coaching.Web.Demo;

namespace Coaching.Tests.Features.Security;

/// <summary>Changing one's password: the current one is asked, the other sessions end, this one goes on.</summary>
[Collection(AppCollection.Name)]
public sealed class PasswordChangeTests(CoachingAppFactory app)
{
    private const string NewPassword = "une nouvelle phrase de passe";

    [Theory]
    [InlineData(Roles.Advisor, "/dossiers")]
    [InlineData(Roles.Merchant, "/mon-espace")]
    public async Task The_new_password_works_the_old_one_no_longer_and_only_this_device_stays_signed_in(string role, string home)
    {
        var account = await app.CreateAccountAsync(role, merchantId: role == Roles.Merchant ? app.Ids.MerchantB : null);
        using var laptop = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        using var phone = await app.SignInAsync(account.Email!, DemoAccounts.Password);

        var form = await laptop.GetPageAsync("/compte/mot-de-passe");
        var changed = await laptop.PostFormAsync("/compte/mot-de-passe", form,
            ("CurrentPassword", DemoAccounts.Password), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/compte/securite", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(home)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync(home)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CoachingAppFactory.SignInThroughFormAsync(app.CreateBrowserClient(), account.Email!, NewPassword)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await CoachingAppFactory.SignInThroughFormAsync(app.CreateBrowserClient(), account.Email!, DemoAccounts.Password)).StatusCode);
    }

    [Theory]
    [InlineData("pas le bon mot de passe", NewPassword, NewPassword, "CurrentPassword", "Ce n’est pas votre mot de passe actuel.")]
    [InlineData("", NewPassword, NewPassword, "CurrentPassword", "Saisissez votre mot de passe actuel.")]
    [InlineData(DemoAccounts.Password, "court", "court", "NewPassword", "Le mot de passe doit contenir au moins 12 caractères.")]
    [InlineData(DemoAccounts.Password, NewPassword, "une autre phrase de passe", "ConfirmPassword", "Les deux mots de passe ne sont pas identiques.")]
    [InlineData(DemoAccounts.Password, DemoAccounts.Password, DemoAccounts.Password, "NewPassword", "Choisissez un mot de passe différent de l’actuel.")]
    public async Task A_refused_change_says_why_next_to_the_field_and_keeps_the_password(string current, string next, string confirm, string field, string message)
    {
        var account = await app.CreateAccountAsync(Roles.Advisor);
        using var client = await app.SignInAsync(account.Email!, DemoAccounts.Password);
        var form = await client.GetPageAsync("/compte/mot-de-passe");

        var refused = await HtmlPage.ParseAsync(await client.PostFormAsync("/compte/mot-de-passe", form,
            ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", confirm)));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(HtmlPage.Plain(message), refused.FieldError(field));
        Assert.All(new[] { "CurrentPassword", "NewPassword", "ConfirmPassword" }, name => Assert.True(string.IsNullOrEmpty(refused.InputValue(name))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CoachingAppFactory.SignInThroughFormAsync(app.CreateBrowserClient(), account.Email!, DemoAccounts.Password)).StatusCode);
    }
}
