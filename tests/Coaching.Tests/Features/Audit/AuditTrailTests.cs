using System.Net;
using Coaching.Core.Audit;
using Coaching.Core.Identity;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.Hosting;
using Coaching.Tests.Support;
using Coaching.Tests.Features;
using Coaching.Tests.Features.Diagnostics;
using static Coaching.Tests.Features.CaseworkData;

namespace Coaching.Tests.Features.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditTrailTests(CoachingAppFactory app)
{
    [Fact]
    public async Task Sign_in_failures_successes_and_sign_outs_are_logged_without_the_email()
    {
        var user = await app.CreateAccountAsync(Roles.Advisor);
        var refused = await CoachingAppFactory.SignInThroughFormAsync(app.CreateBrowserClient(), user.Email!, "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var client = await app.SignInAsync(user.Email!, DemoAccounts.Password);
        var page = await client.GetPageAsync("/seances");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/deconnexion", page)).StatusCode);

        var entries = await EntriesOfAsync(user.Id);
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignIn, AuditAction.SignOut], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));

        var unknown = $"inconnu-{Guid.NewGuid():N}@exemple.fr";
        await CoachingAppFactory.SignInThroughFormAsync(app.CreateBrowserClient(), unknown, "whatever-password-1");
        var hash = await app.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<AuditEmailHasher>().Hash(unknown.ToUpperInvariant() + " ")));
        var failed = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EmailHash == hash));
        Assert.Equal(AuditAction.SignInFailed, failed.Action);
        Assert.Null(failed.ActorId);
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Detail != null && e.Detail.Contains("inconnu-"))));

        // Admins find both by e-mail.
        var admin = await app.CreateClientAs(Persona.Admin);
        var byUnknown = await admin.GetPageAsync("/journal?Email=" + Uri.EscapeDataString(unknown));
        Assert.Contains("Connexion refusée", byUnknown.Text);
        var byUser = await admin.GetPageAsync("/journal?Email=" + Uri.EscapeDataString(user.Email!));
        Assert.Contains("Déconnexion", byUser.Text);
        Assert.Contains(user.DisplayName, byUser.Text);
    }

    [Fact]
    public async Task Reading_changing_and_exporting_a_case_file_are_logged_refusals_are_not()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var merchantId = app.Ids.MerchantOfAdvisorA;
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/dossiers/{merchantId}")).StatusCode);
        var edit = await advisor.GetPageAsync($"/dossiers/{merchantId}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(edit, $"/dossiers/{merchantId}/modifier", ("ContactName", "Nadia Laurent"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync("/rapports/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync($"/dossiers/{app.Ids.MerchantOfAdvisorB}")).StatusCode);

        var entries = await EntriesOfAsync(app.Ids.AdvisorAUserId);
        Assert.Contains(entries, e => e is { Action: AuditAction.Read, TargetType: AuditTarget.Merchant } && e.TargetId == Text(merchantId) && e.Detail == "Merchants.Details");
        Assert.Contains(entries, e => e is { Action: AuditAction.Change, TargetType: AuditTarget.Merchant } && e.TargetId == Text(merchantId));
        Assert.Contains(entries, e => e is { Action: AuditAction.Export, TargetType: AuditTarget.Report });
        Assert.DoesNotContain(entries, e => e.TargetId == Text(app.Ids.MerchantOfAdvisorB));
        Assert.DoesNotContain(entries, e => e.Detail != null && e.Detail.Contains("Nadia", StringComparison.Ordinal));

        var admin = await app.CreateClientAs(Persona.Admin);
        var filtered = await admin.GetPageAsync($"/journal?Action=Change&Target=Merchant&TargetId={merchantId}");
        // The journal names operations in French (« Modification – dossier », not « Merchants.Edit »).
        Assert.Contains("Modification – dossier", filtered.Text);
        Assert.DoesNotContain("Merchants.", filtered.Text);
        Assert.DoesNotContain("Consultation – dossier", filtered.Text);
    }

    [Fact]
    public async Task The_journal_refuses_wrong_filters_with_French_messages()
    {
        var admin = await app.CreateClientAs(Persona.Admin);
        var page = await admin.GetPageAsync("/journal?From=hier&Action=Pirater&To=2026-01-01");
        Assert.Contains("jj/mm/aaaa", page.FieldError("From"));
        Assert.Contains("liste", page.FieldError("Action"));
        Assert.Equal("hier", page.InputValue("From"));
    }

    private Task<List<AuditEntry>> EntriesOfAsync(string userId) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.Id).ToListAsync());
}
