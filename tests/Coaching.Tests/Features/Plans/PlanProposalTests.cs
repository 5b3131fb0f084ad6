using System.Net;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;
using Coaching.Tests.Features;

namespace Coaching.Tests.Features.Plans;

/// <summary>The loop diagnostic → plan → new diagnostic, on diagnostics created through the Core model.</summary>
public sealed class PlanProposalTests
{
    [Fact]
    public async Task The_advisor_accepts_the_ranked_proposal_and_sees_axis_changes_after_the_next_diagnostic()
    {
        await using var app = new CoachingAppFactory();
        await app.InitializeAsync();
        var client = await app.CreateClientAs(Persona.AdvisorA);
        // A fresh case file: the demo merchants already have diagnostics and plans of their own.
        var created = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret()));
        var merchantId = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var now = app.Clock.GetUtcNow();
        await app.QueryAsync(async db =>
        {
            var questionnaire = new Questionnaire
            {
                Code = "TEST-PLAN", Version = 1, Title = "Questionnaire de test", Status = QuestionnaireStatus.Published, CreatedAt = now, PublishedAt = now,
                Axes =
                [
                    new QuestionnaireAxis { Code = "VISIBILITE", Title = "Visibilité", Position = 0 },
                    new QuestionnaireAxis { Code = "PAIEMENT", Title = "Paiement", Position = 1 },
                ],
                Rules =
                [
                    new RecommendationRule { Position = 0, Trigger = RecommendationTrigger.AxisBelow, AxisCode = "VISIBILITE", Threshold = 60, ActionCode = "LOCAL_DIRECTORIES", Priority = 1 },
                    new RecommendationRule { Position = 1, Trigger = RecommendationTrigger.AxisBelow, AxisCode = "PAIEMENT", Threshold = 60, ActionCode = "PAYMENT_LINK", Priority = 2 },
                ],
            };
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync();
            Assessment Completed(DateTimeOffset at, double visibility, double payment) => new()
            {
                MerchantId = merchantId, QuestionnaireId = questionnaire.Id, Status = AssessmentStatus.Completed, StartedAt = at, UpdatedAt = at, CompletedAt = at,
                OverallScore = (visibility + payment) / 2,
                AxisScores =
                [
                    new AssessmentAxisScore { AxisCode = "VISIBILITE", AxisTitle = "Visibilité", Position = 0, Score = visibility },
                    new AssessmentAxisScore { AxisCode = "PAIEMENT", AxisTitle = "Paiement", Position = 1, Score = payment },
                ],
            };
            db.Assessments.Add(Completed(now.AddDays(-200), 20, 40));
            db.Assessments.Add(Completed(now.AddDays(-1), 50, 10));
            return await db.SaveChangesAsync();
        });

        var proposal = await client.GetPageAsync($"/dossiers/{merchantId}/plan/proposition");
        var codes = proposal.Document.QuerySelectorAll("input[name='codes']").Select(i => i.GetAttribute("value")).ToList();
        // PAYMENT_LINK: gap 90 × impact 2 ÷ effort 1 = 180; LOCAL_DIRECTORIES: gap 50 × 2 ÷ 1 = 100.
        Assert.Equal(["PAYMENT_LINK", "LOCAL_DIRECTORIES"], codes);
        Assert.Contains("Score de priorité 180 = écart 90 × impact 2 ÷ effort 1", proposal.Text);

        var accepted = await client.SubmitAsync(proposal, $"/dossiers/{merchantId}/plan/proposition");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var items = await app.PlanItemsAsync(merchantId);
        Assert.Equal(["PAYMENT_LINK", "LOCAL_DIRECTORIES"], items.TakeLast(2).Select(i => i.ActionCode));
        Assert.All(items.TakeLast(2), i => Assert.Equal(PlanItemStatus.ToDo, i.Status));

        var plan = await client.GetPageAsync($"/dossiers/{merchantId}/plan");
        var outcome = plan.Document.QuerySelector("section[aria-labelledby='effets']")!.TextContent;
        Assert.Contains("Visibilité", outcome);
        Assert.Contains("+30 points", outcome);
        Assert.Contains("-30 points", outcome);
        var done = items.Where(i => i.Status == PlanItemStatus.Done).Select(i => i.ActionCode).ToList();
        var titles = await app.QueryAsync(db => db.CatalogActions.Where(a => done.Contains(a.Code)).Select(a => a.Title).ToListAsync());
        Assert.All(titles, t => Assert.Contains(t, outcome));
        Assert.Contains("Plan d'action proposé", (await client.GetPageAsync($"/dossiers/{merchantId}?kind=PlanProposed")).Text);
    }
}
