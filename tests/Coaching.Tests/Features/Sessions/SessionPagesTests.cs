using System.Net;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;
using Coaching.Tests.Support;
using Coaching.Tests.Features;
using static Coaching.Tests.Features.CaseworkData;

namespace Coaching.Tests.Features.Sessions;

[Collection(AppCollection.Name)]
public sealed class SessionPagesTests(CoachingAppFactory app)
{
    private string Future(int days, int hour = 10) =>
        Coaching.Web.French.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(days).Date.AddHours(hour));

    private string Past(int days) => Coaching.Web.French.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(-days));

    [Fact]
    public async Task Logging_a_session_moves_two_actions_forward_and_appears_on_the_timeline()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var merchantId = app.Ids.MerchantA;
        var open = (await app.PlanItemsAsync(merchantId)).Where(i => i.IsOpen).Take(2).ToList();
        Assert.Equal(2, open.Count);

        var form = await client.GetPageAsync($"/seances/nouvelle?dossier={merchantId}");
        Assert.NotNull(form.Document.QuerySelector($"input[name='ProgressedItemIds'][value='{open[0].Id}']"));
        var response = await client.SubmitAsync(form, "/seances/nouvelle",
            ("StartsAt", Past(1)), ("DurationMinutes", "75"), ("Mode", nameof(SessionMode.Phone)),
            ("Notes", "Point téléphonique sur la fiche Google."), ("ProgressedItemIds", Text(open[0].Id)), ("ProgressedItemIds", Text(open[1].Id)),
            ("NextStep", "Envoyer les photos."), ("NextAppointmentAt", Future(5)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sessionId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var items = await app.PlanItemsAsync(merchantId);
        Assert.All(items.Where(i => open.Any(o => o.Id == i.Id)), i => Assert.NotEqual(PlanItemStatus.ToDo, i.Status));
        var links = await app.QueryAsync(db => db.SessionPlanItems.Where(s => s.SessionId == sessionId).CountAsync());
        Assert.Equal(2, links);

        var details = await client.GetPageAsync($"/dossiers/{merchantId}?kind={CaseEventKind.SessionRecorded}");
        Assert.Contains("Séance enregistrée : Téléphone", details.Text);
        var progress = await client.GetPageAsync($"/dossiers/{merchantId}?kind={CaseEventKind.ActionProgress}");
        Assert.Contains("avancée lors de la séance", progress.Text);
    }

    [Fact]
    public async Task Bad_input_gets_french_messages_and_keeps_what_was_typed()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var form = await client.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");

        var page = await client.SubmitAsync(form, "/seances/nouvelle",
            ("StartsAt", Past(1)), ("DurationMinutes", "0"), ("Notes", "Mes notes à garder"), ("NextAppointmentAt", Past(2))).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("au moins 1 minute", page.FieldError("DurationMinutes"));
        Assert.Contains("dans le passé", page.FieldError("NextAppointmentAt"));
        Assert.Equal("Mes notes à garder", page.Document.QuerySelector("textarea[name='Notes']")!.TextContent);

        page = await client.SubmitAsync(form, "/seances/nouvelle", ("StartsAt", Past(1)), ("DurationMinutes", "1500")).ToPageAsync();
        Assert.Contains("24 heures", page.FieldError("DurationMinutes"));
    }

    [Fact]
    public async Task An_action_of_another_merchants_plan_is_refused()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var others = await app.MerchantsWithPlanOfAdvisorAAsync();
        var other = others.First(id => id != app.Ids.MerchantA);
        var foreignItem = (await app.PlanItemsAsync(other)).First();
        var form = await client.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");

        var page = await client.SubmitAsync(form, "/seances/nouvelle", ("StartsAt", Past(1)), ("ProgressedItemIds", Text(foreignItem.Id))).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("plan d'un autre commerçant", page.Text);
        Assert.Equal(await app.VersionOfAsync(foreignItem), await app.VersionOfAsync((await app.PlanItemsAsync(other)).Single(i => i.Id == foreignItem.Id)));
    }

    [Fact]
    public async Task A_group_workshop_is_recorded_once_for_several_merchants()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var merchants = (await app.MerchantsWithPlanOfAdvisorAAsync()).Take(3).ToList();
        var form = await client.GetPageAsync("/seances/nouvelle");
        var values = new List<(string, string)> { ("StartsAt", Past(2)), ("DurationMinutes", "120"), ("Mode", nameof(SessionMode.Phone)) };
        values.AddRange(merchants.Select(id => ("MerchantIds", Text(id))));

        var refused = await client.SubmitAsync(form, "/seances/nouvelle", [.. values]).ToPageAsync();
        Assert.Contains("Atelier collectif", refused.FieldError("MerchantIds"));

        values[2] = ("Mode", nameof(SessionMode.GroupWorkshop));
        values.Add(("Notes", "Atelier avis clients " + Guid.NewGuid()));
        var response = await client.SubmitAsync(form, "/seances/nouvelle", [.. values]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notes = values.Last().Item2;
        var session = await app.QueryAsync(db => db.CoachingSessions.Include(s => s.Merchants).SingleAsync(s => s.Notes == notes));
        Assert.Equal(merchants.Order(), session.Merchants.Select(m => m.MerchantId).Order());
    }

    [Fact]
    public async Task Appointment_downloads_as_ics_with_a_stable_uid()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var sessionId = await app.QueryAsync(db => db.CoachingSessions
            .Where(s => s.NextAppointmentAt != null && s.Merchants.Any(m => m.MerchantId == app.Ids.MerchantA)).Select(s => s.Id).FirstAsync());

        var first = await client.GetAsync($"/seances/{sessionId}/rendez-vous.ics");
        var second = await client.GetAsync($"/seances/{sessionId}/rendez-vous.ics");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition!.DispositionType);
        var ics = await first.Content.ReadAsStringAsync();
        var uid = ics.Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal));
        Assert.Contains(uid, await second.Content.ReadAsStringAsync());
        Assert.Contains("DTSTART;TZID=Europe/Paris:", ics);

        var outsider = await app.CreateClientAs(Persona.AdvisorB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/seances/{sessionId}/rendez-vous.ics")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_edits_of_a_session_are_caught_and_the_loser_keeps_their_input()
    {
        var first = await app.CreateClientAs(Persona.AdvisorA);
        var second = await app.CreateClientAs(Persona.Manager);
        var form = await first.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");
        var created = await first.SubmitAsync(form, "/seances/nouvelle", ("StartsAt", Past(3)), ("Notes", "Version initiale"));
        var edit = created.Headers.Location!.OriginalString + "/modifier";

        var pageA = await first.GetPageAsync(edit);
        var pageB = await second.GetPageAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(pageA, edit, ("Notes", "Notes du conseiller"))).StatusCode);
        var conflict = await second.SubmitAsync(pageB, edit, ("Notes", "Notes de la responsable"), ("DurationMinutes", "45")).ToPageAsync();

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("modifiée par quelqu'un d'autre", string.Join(" ", conflict.FormErrors));
        Assert.Contains("Votre saisie", conflict.Text);
        Assert.Contains("Notes du conseiller", conflict.Text);
        Assert.Equal("Notes de la responsable", conflict.Document.QuerySelector("textarea[name='Notes']")!.TextContent);
        Assert.Equal("45", conflict.InputValue("DurationMinutes"));

        // Saving again on purpose keeps the loser's values, and the history keeps every version.
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(conflict, edit)).StatusCode);
        var details = await first.GetPageAsync(edit.Replace("/modifier", "", StringComparison.Ordinal));
        Assert.Contains("Notes de la responsable", details.Text);
        Assert.Equal(2, details.Document.QuerySelectorAll("#historique-seance ~ ol li, section[aria-labelledby='historique-seance'] li.timeline__item").Length);
    }

    [Fact]
    public async Task My_sessions_lists_the_advisors_sessions_and_appointments()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var page = await client.GetPageAsync("/seances");
        Assert.Contains("Prochains rendez-vous", page.Text);
        Assert.Contains(await app.MerchantNameAsync(app.Ids.MerchantA), page.Text);
        Assert.NotEmpty(page.Document.QuerySelectorAll("a[href$='rendez-vous.ics']"));
    }
}
