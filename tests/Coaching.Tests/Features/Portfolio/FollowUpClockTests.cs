using System.Net;
using Coaching.Core.FollowUp;
using Coaching.Web.Email;
using Coaching.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Coaching.Web.Demo;
using Coaching.Web.French;
using Coaching.Tests.Support;
using Coaching.Tests.Features;
using Coaching.Tests.Features.Diagnostics;

namespace Coaching.Tests.Features.Portfolio;

/// <summary>Tests that move the clock or change services get an app of their own.</summary>
public sealed class FollowUpClockTests
{
    private static string Section(HtmlPage page, string id) => page.Document.QuerySelector($"section[aria-labelledby='{id}']")!.TextContent;

    [Fact]
    public async Task A_merchant_enters_and_leaves_the_follow_up_lists_as_the_clock_moves()
    {
        await using var app = new CoachingAppFactory();
        await app.InitializeAsync();
        var name = await app.MerchantNameAsync(app.Ids.MerchantA);
        var client = await app.CreateClientAs(Persona.AdvisorA);

        var home = await client.GetAsync("/");
        Assert.Equal("/portefeuille", home.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/portefeuille");
        Assert.Contains(name, Section(page, "rendez-vous"));
        Assert.DoesNotContain(name, Section(page, "sans-seance"));

        app.Clock.Advance(TimeSpan.FromDays(60));
        // Sixty days later the sign-in cookie has expired: sign in again, as the advisor would.
        client = await app.SignInAsync(Coaching.Web.Demo.DemoAccounts.AdvisorA.Email, Coaching.Web.Demo.DemoAccounts.Password);
        page = await client.GetPageAsync("/portefeuille");
        Assert.Contains(name, Section(page, "sans-seance"));
        Assert.DoesNotContain(name, Section(page, "rendez-vous"));
        Assert.Contains(name, Section(page, "en-retard"));

        var form = await client.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");
        var saved = await client.SubmitAsync(form, "/seances/nouvelle", ("NextAppointmentAt",
            Coaching.Web.French.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(3))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await client.GetPageAsync("/portefeuille");
        Assert.DoesNotContain(name, Section(page, "sans-seance"));
        Assert.Contains(name, Section(page, "rendez-vous"));

        var manager = await app.CreateClientAs(Persona.Manager);
        var team = await manager.GetPageAsync("/portefeuille/equipe");
        Assert.Contains("Camille Conseiller", team.Text);
        Assert.Equal("/portefeuille/equipe", (await manager.GetAsync("/portefeuille")).Headers.Location!.OriginalString);
        var advisorView = await manager.GetPageAsync($"/portefeuille?conseiller={app.Ids.AdvisorAUserId}");
        Assert.Contains(name, advisorView.Text);
    }

    [Fact]
    public async Task Daily_reminders_are_emailed_once_per_advisor_merchant_reason_and_day()
    {
        var sender = new RecordingEmailSender();
        await using var app = new CoachingAppFactory
        {
            ConfigureServices = services =>
            {
                services.Configure<Coaching.Web.Email.SmtpOptions>(o => o.Host = "smtp.example.test");
                services.RemoveAll<IEmailSender>();
                services.AddSingleton<IEmailSender>(sender);
                var scheduler = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(FollowUpReminderService));
                services.Remove(scheduler);
            },
        };
        await app.InitializeAsync();

        var first = await app.WithScopeAsync(s => s.GetRequiredService<FollowUpReminderJob>().RunAsync());
        var second = await app.WithScopeAsync(s => s.GetRequiredService<FollowUpReminderJob>().RunAsync());

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal(sender.Sent.Count, sender.Sent.Select(m => m.To).Distinct().Count());
        Assert.Contains(sender.Sent, m => m.To == "conseiller@demo.local" && m.Body.Contains("Actions en retard", StringComparison.Ordinal));
        var logs = await app.QueryAsync(db => db.ReminderLogs.ToListAsync());
        Assert.Equal(logs.Count, logs.Select(l => (l.AdvisorId, l.MerchantId, l.Reason, l.Day)).Distinct().Count());

        // The next day, what still needs attention is reminded again, once.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<FollowUpReminderJob>().RunAsync()) >= 1);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<FollowUpReminderJob>().RunAsync()));
    }

    private sealed class RecordingEmailSender : IEmailSender
    {
        public List<(string To, string Subject, string Body)> Sent { get; } = [];

        public Task SendAsync(string to, string subject, string textBody, CancellationToken cancellationToken = default)
        {
            lock (Sent) Sent.Add((to, subject, textBody));
            return Task.CompletedTask;
        }
    }
}
