using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Plans;

namespace Coaching.Tests.Features.Plans;

public sealed class PlanRankingTests
{
    private static CatalogAction Action(string code, string axis, int effort, int impact) =>
        new() { Code = code, Title = "Titre " + code, AxisCode = axis, Effort = effort, Impact = impact };

    private static MaturityScore Scores(params (string Code, double? Score)[] axes) =>
        new(axes.Select(a => new AxisScore(a.Code, "Axe " + a.Code, 1, a.Score, 0, 0)).ToList(), 50, null);

    [Fact]
    public void Ranks_by_gap_times_impact_divided_by_effort()
    {
        var catalogue = new[] { Action("A", "VIS", effort: 1, impact: 1), Action("B", "PAY", effort: 3, impact: 3), Action("C", "VIS", effort: 1, impact: 3) };
        var score = Scores(("VIS", 80), ("PAY", 10));
        var recommendations = new[] { new Recommendation("A", 1, "r"), new Recommendation("B", 2, "r"), new Recommendation("C", 3, "r") };

        var ranked = PlanRanking.Rank(recommendations, new Questionnaire(), score, catalogue);

        // B: 90 × 3 ÷ 3 = 90; C: 20 × 3 ÷ 1 = 60; A: 20 × 1 ÷ 1 = 20.
        Assert.Equal(["B", "C", "A"], ranked.Select(r => r.ActionCode));
        Assert.Equal(90, ranked[0].Score, 6);
        Assert.Equal(60, ranked[1].Score, 6);
        Assert.Equal(20, ranked[2].Gap, 6);
    }

    [Fact]
    public void Ties_go_to_the_rule_priority_then_to_the_catalogue_order()
    {
        var catalogue = new[] { Action("X", "VIS", 1, 1), Action("Y", "VIS", 1, 1), Action("Z", "VIS", 1, 1) };
        var recommendations = new[] { new Recommendation("Z", 2, "r"), new Recommendation("Y", 1, "r"), new Recommendation("X", 2, "r") };

        var ranked = PlanRanking.Rank(recommendations, new Questionnaire(), Scores(("VIS", 40)), catalogue);

        Assert.Equal(["Y", "X", "Z"], ranked.Select(r => r.ActionCode));
    }

    [Fact]
    public void Falls_back_to_the_axis_of_the_rule_when_the_catalogue_axis_is_not_scored()
    {
        var questionnaire = new Questionnaire
        {
            Rules = [new RecommendationRule { Trigger = RecommendationTrigger.AxisBelow, AxisCode = "visibilite", Threshold = 50, ActionCode = "A" }],
        };
        var ranked = PlanRanking.Rank([new Recommendation("A", 1, "r")], questionnaire, Scores(("visibilite", 30)), [Action("A", "VISIBILITY", 1, 1)]);

        Assert.Equal(70, ranked.Single().Gap, 6);
    }

    [Fact]
    public void Falls_back_to_the_overall_score_and_skips_unknown_actions()
    {
        var ranked = PlanRanking.Rank([new Recommendation("A", 1, "r"), new Recommendation("NOPE", 1, "r")], new Questionnaire(), Scores(("OTHER", 10)), [Action("A", "VIS", 2, 2)]);

        var only = Assert.Single(ranked);
        Assert.Equal(50, only.Gap, 6); // overall 50
        Assert.Equal(50, only.Score, 6);
    }

    [Fact]
    public void Outcome_pairs_done_actions_with_their_axis_change()
    {
        var axes = new[] { new AxisComparison("VIS", "Visibilité", 30, 55), new AxisComparison("PAY", "Paiement", 40, 40) };
        var latest = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var done = new[]
        {
            new DoneAction("GOOGLE_BUSINESS_PROFILE", "Fiche", "VIS", latest.AddDays(-30)),
            new DoneAction("LATE", "Après", "VIS", latest.AddDays(3)),
            new DoneAction("ORPHAN", "Sans axe connu", "SKILLS", latest.AddDays(-3)),
        };

        var outcome = PlanOutcome.Compare(axes, done, latest);

        Assert.Equal(25, outcome[0].Axis.Change);
        Assert.Equal(["GOOGLE_BUSINESS_PROFILE"], outcome[0].DoneActions.Select(d => d.ActionCode));
        Assert.Empty(outcome[1].DoneActions);
        Assert.Equal("SKILLS", outcome[2].Axis.AxisCode);
    }

    [Fact]
    public void The_seeded_catalogue_covers_every_action_code_with_french_content()
    {
        Assert.Equal(ActionCodes.All.Select(a => a.Code).Order(), ActionCatalogSeed.Entries.Select(e => e.Code).Order());
        Assert.All(ActionCatalogSeed.Entries, e =>
        {
            Assert.InRange(e.Effort, 1, 3);
            Assert.InRange(e.Impact, 1, 3);
            Assert.True(e.Description.Length > 80, e.Code);
            Assert.NotEmpty(ActionResource.Parse(e.Resources));
            Assert.All(ActionResource.Parse(e.Resources).Where(r => r.Url is not null), r => Assert.StartsWith("https://", r.Url));
        });
    }
}
