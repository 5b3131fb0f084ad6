using Coaching.Core.Diagnostics.Format;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Tests.Core.Diagnostics;

/// <summary>The format expresses the EU EDIH model: six dimensions 0–100, overall = mean of dimensions, tick-lists done = 1 / planned = 0.5.</summary>
public sealed class EdihSampleTests
{
    private static Questionnaire Load()
    {
        var (file, errors) = QuestionnaireJson.Read(File.ReadAllText(SampleFiles.Edih));
        Assert.Empty(errors);
        return QuestionnaireFileMapper.ToQuestionnaire(file!, 1, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void It_has_six_dimensions_of_equal_weight()
    {
        var questionnaire = Load();
        Assert.Equal(6, questionnaire.Axes.Count);
        Assert.All(questionnaire.Axes, a => Assert.Equal(1, a.Weight));
        Assert.Equal(["Basique", "Moyen", "Modérément avancé", "Avancé"], questionnaire.Levels.OrderBy(l => l.MinScore).Select(l => l.Name));
    }

    [Fact]
    public void A_tick_list_scores_the_share_of_the_maximum_and_overall_is_the_mean_of_the_dimensions()
    {
        var questionnaire = Load();
        var answers = new Dictionary<string, AnswerValue>
        {
            // Strategy: investments done, planned, planned, none → (1 + 0.5 + 0.5 + 0) / 4 = 0.5; readiness 4/5 = 0.8.
            ["invest_equipment"] = AnswerValue.Choice("done"),
            ["invest_online_sales"] = AnswerValue.Choice("planned"),
            ["invest_marketing"] = AnswerValue.Choice("planned"),
            ["invest_security"] = AnswerValue.Choice("no"),
            ["readiness"] = AnswerValue.Choice("4"),
            // Readiness: all four technologies in place.
            ["tech_connectivity"] = AnswerValue.Choice("done"),
            ["tech_web"] = AnswerValue.Choice("done"),
            ["tech_erp"] = AnswerValue.Choice("done"),
            ["tech_remote"] = AnswerValue.Choice("done"),
            // Human: yes, partly, 2 of 3 practices → (1 + 0.5 + 2/3) / 3.
            ["skills_plan"] = AnswerValue.Choice("yes"),
            ["training"] = AnswerValue.Choice("partial"),
            ["involvement"] = AnswerValue.Choice("consulted", "champions"),
            // Nothing answered for data, automation and green: they score 0.
        };
        var score = MaturityScoring.Score(questionnaire, answers);

        Assert.Equal(65, score.Axis("STRATEGIE")!.Score!.Value, 3);
        Assert.Equal(100, score.Axis("PREPARATION")!.Score!.Value, 3);
        Assert.Equal(100 * (1 + 0.5 + 2.0 / 3) / 3, score.Axis("HUMAIN")!.Score!.Value, 3);
        Assert.Equal(0, score.Axis("DONNEES")!.Score!.Value, 3);
        Assert.Equal(score.Axes.Average(a => a.Score!.Value), score.Overall!.Value, 9);
        Assert.Equal("Moyen", score.Level!.Name);
    }
}
