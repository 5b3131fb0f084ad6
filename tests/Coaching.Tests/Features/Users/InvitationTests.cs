using System.Net;
using Coaching.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Users;

[Collection(AppCollection.Name)]
public sealed class InvitationTests(CoachingAppFactory app)
{
    [Fact]
    public async Task An_advisor_invites_a_merchant_who_sets_a_password_once_with_the_link()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var email = $"invite-{Guid.NewGuid():N}@exemple.fr";
        var form = await advisor.GetPageAsync($"/comptes/inviter?merchantId={app.Ids.MerchantOfAdvisorA}");
        Assert.Equal(Roles.Merchant, form.Document.QuerySelector("#Role option[selected]")?.GetAttribute("value"));

        var invited = await advisor.SubmitAsync(form, "/comptes/inviter", ("DisplayName", "Nina Invitée"), ("Email", email)).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, invited.Status);
        var link = invited.InputValue("invitation-link") ?? invited.Document.GetElementById("invitation-link")!.GetAttribute("value")!;
        Assert.Contains("/invitation?", link, StringComparison.Ordinal);
        var mail = Directory.GetFiles(app.MailPickupFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        Assert.Contains("Nina Invit", mail, StringComparison.Ordinal);

        var user = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(app.Ids.MerchantOfAdvisorA, user.MerchantId);

        var path = new Uri(link).PathAndQuery;
        var guest = app.CreateBrowserClient();
        var accept = await guest.GetPageAsync(path);
        var tooShort = await guest.SubmitAsync(accept, "/invitation", ("Password", "court"), ("ConfirmPassword", "court")).ToPageAsync();
        Assert.Contains("au moins 12 caractères", tooShort.FieldError("Password"));

        var done = await guest.SubmitAsync(accept, "/invitation", ("Password", "Une phrase assez longue"), ("ConfirmPassword", "Une phrase assez longue"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("Mon espace", (await guest.GetPageAsync("/mon-espace")).Text);

        var stranger = app.CreateBrowserClient();
        var again = await stranger.GetPageAsync(path);
        var reused = await stranger.SubmitAsync(again, "/invitation", ("Password", "Une autre phrase longue"), ("ConfirmPassword", "Une autre phrase longue")).ToPageAsync();
        Assert.Contains(reused.FormErrors, e => e.Contains("n'est plus valide", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_advisor_cannot_invite_staff_nor_a_merchant_outside_their_caseload()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var form = await advisor.GetPageAsync("/comptes/inviter");

        var staff = await advisor.SubmitAsync(form, "/comptes/inviter", ("DisplayName", "X"), ("Email", $"x-{Guid.NewGuid():N}@exemple.fr"), ("Role", Roles.Advisor)).ToPageAsync();
        Assert.Contains("ne pouvez pas inviter", staff.FieldError("Role"));

        var other = await advisor.SubmitAsync(form, "/comptes/inviter", ("DisplayName", "X"), ("Email", $"y-{Guid.NewGuid():N}@exemple.fr"), ("Role", Roles.Merchant), ("MerchantId", app.Ids.MerchantOfAdvisorB.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToPageAsync();
        Assert.Contains("votre portefeuille", other.FieldError("MerchantId"));

        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/comptes/inviter?merchantId={app.Ids.MerchantOfAdvisorB}")).StatusCode);
    }

    [Fact]
    public async Task An_existing_email_is_refused_next_to_the_field()
    {
        var manager = await app.CreateClientAs(Persona.Manager);
        var page = await manager.SubmitAsync(await manager.GetPageAsync("/comptes/inviter"), "/comptes/inviter",
            ("DisplayName", "Doublon"), ("Email", "conseiller@demo.local"), ("Role", Roles.Advisor)).ToPageAsync();

        Assert.Contains("existe déjà", page.FieldError("Email"));
        Assert.Equal("Doublon", page.InputValue("DisplayName"));
    }

    [Fact]
    public async Task A_manager_deactivates_an_account_which_then_cannot_sign_in()
    {
        var user = await app.CreateAccountAsync(Roles.Advisor);
        var manager = await app.CreateClientAs(Persona.Manager);
        var list = await manager.GetPageAsync("/comptes");

        var response = await manager.PostFormAsync($"/comptes/{user.Id}/activation", list, ("active", "false"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var signIn = await CoachingAppFactory.SignInThroughFormAsync(app.CreateBrowserClient(), user.Email!, Coaching.Web.Demo.DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
