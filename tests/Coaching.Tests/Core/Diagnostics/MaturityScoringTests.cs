using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Tests.Core.Diagnostics;

public sealed class MaturityScoringTests
{
    private static Dictionary<string, AnswerValue> Answers(params (string Code, AnswerValue Value)[] answers) =>
        answers.ToDictionary(a => a.Code, a => a.Value);

    [Theory]
    [InlineData("o0", 0)]
    [InlineData("o1", 50)]
    [InlineData("o2", 100)]
    public void Single_choice_scores_the_option_against_the_best_one(string option, double expected)
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").Single("q", 0, 1, 2).Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice(option))));
        Assert.Equal(expected, score.Axes[0].Score!.Value, 6);
    }

    [Fact]
    public void Multiple_choice_is_the_share_of_the_maximum_like_an_EDIH_tick_list()
    {
        // Four practices: two already done (1 each), one planned (0.5); the fourth not ticked.
        var questionnaire = new QuestionnaireBuilder().Axis("A")
            .Add("q", Coaching.Core.Diagnostics.Questionnaires.QuestionType.MultipleChoice,
                QuestionnaireBuilder.Options([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5]))
            .Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice("o0", "o1", "o6"))));
        Assert.Equal(100 * 2.5 / 6, score.Axes[0].Score!.Value, 6);
    }

    [Theory]
    [InlineData("yes", 100)]
    [InlineData("partial", 50)]
    [InlineData("no", 0)]
    public void Yes_partial_no_scores_one_half_zero(string option, double expected)
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("q").Build();
        Assert.Equal(expected, MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice(option)))).Overall);
    }

    [Fact]
    public void Scale_is_divided_by_five()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").Scale("q").Build();
        Assert.Equal(60, MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice("3")))).Overall!.Value, 6);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 50)]
    [InlineData(19.5, 50)]
    [InlineData(20, 100)]
    [InlineData(500, 100)]
    public void Number_takes_the_highest_threshold_reached(double value, double expected)
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").Number("q", (5, 1), (20, 2)).Build();
        Assert.Equal(expected, MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Of(value)))).Overall!.Value, 6);
    }

    [Fact]
    public void Free_text_is_not_scored()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("q").FreeText("notes").Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice("yes")), ("notes", new AnswerValue([], Text: "rien"))));
        Assert.Equal(100, score.Overall);
        Assert.Equal(1, score.Axes[0].Applicable);
    }

    [Fact]
    public void Not_applicable_leaves_the_denominator()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("q1").YesPartialNo("q2", allowsNotApplicable: true).Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q1", AnswerValue.Choice("yes")), ("q2", AnswerValue.NotApplicableAnswer)));
        Assert.Equal(100, score.Overall);
    }

    [Fact]
    public void Not_applicable_is_ignored_where_the_question_does_not_allow_it()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("q1").YesPartialNo("q2").Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q1", AnswerValue.Choice("yes")), ("q2", AnswerValue.NotApplicableAnswer)));
        Assert.Equal(50, score.Overall);
    }

    [Fact]
    public void An_unanswered_question_counts_as_zero()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("q1").YesPartialNo("q2").Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q1", AnswerValue.Choice("yes"))));
        Assert.Equal(50, score.Overall);
        Assert.Equal(1, score.Axes[0].Answered);
        Assert.Equal(2, score.Axes[0].Applicable);
    }

    [Fact]
    public void A_question_hidden_by_its_condition_leaves_the_denominator()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A")
            .YesPartialNo("site")
            .YesPartialNo("mobile").ShownIf("site", "yes")
            .YesPartialNo("other")
            .Build();
        var hidden = MaturityScoring.Score(questionnaire, Answers(("site", AnswerValue.Choice("no")), ("mobile", AnswerValue.Choice("yes")), ("other", AnswerValue.Choice("yes"))));
        Assert.Equal(50, hidden.Overall);
        var shown = MaturityScoring.Score(questionnaire, Answers(("site", AnswerValue.Choice("yes")), ("mobile", AnswerValue.Choice("no")), ("other", AnswerValue.Choice("yes"))));
        Assert.Equal(100 * 2.0 / 3, shown.Overall!.Value, 6);
    }

    [Fact]
    public void A_condition_on_a_hidden_question_hides_too()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A")
            .YesPartialNo("a")
            .YesPartialNo("b").ShownIf("a", "yes")
            .YesPartialNo("c").ShownIf("b", "yes")
            .Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("a", AnswerValue.Choice("no")), ("b", AnswerValue.Choice("yes")), ("c", AnswerValue.Choice("yes"))));
        Assert.Equal(0, score.Overall);
        Assert.Equal(1, score.Axes[0].Applicable);
    }

    [Fact]
    public void Question_weights_count_within_the_axis()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("q1", weight: 3).YesPartialNo("q2", weight: 1).Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("q1", AnswerValue.Choice("yes")), ("q2", AnswerValue.Choice("no"))));
        Assert.Equal(75, score.Overall);
    }

    [Fact]
    public void Overall_is_the_weighted_mean_of_the_axes_that_have_a_score()
    {
        var questionnaire = new QuestionnaireBuilder()
            .Axis("A", weight: 1).YesPartialNo("a")
            .Axis("B", weight: 3).YesPartialNo("b")
            .Axis("C").YesPartialNo("c", allowsNotApplicable: true)
            .Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("a", AnswerValue.Choice("yes")), ("b", AnswerValue.Choice("partial")), ("c", AnswerValue.NotApplicableAnswer)));
        Assert.Null(score.Axis("C")!.Score);
        Assert.Equal((100 + 3 * 50) / 4.0, score.Overall);
    }

    [Fact]
    public void No_applicable_axis_gives_no_overall_and_no_level()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").YesPartialNo("a", allowsNotApplicable: true).Level("Tous", 0, 100).Build();
        var score = MaturityScoring.Score(questionnaire, Answers(("a", AnswerValue.NotApplicableAnswer)));
        Assert.Null(score.Overall);
        Assert.Null(score.Level);
    }

    [Theory]
    [InlineData("o0", "Basique")]
    [InlineData("o1", "Moyen")]
    [InlineData("o2", "Avancé")]
    public void Level_is_found_from_the_rounded_overall(string option, string level)
    {
        // Scores 25.4 → 25 (Basique), 25.5 → 26 (Moyen), 100 → Avancé.
        var questionnaire = new QuestionnaireBuilder().Axis("A").Single("q", 25.4, 25.5, 100)
            .Level("Basique", 0, 25).Level("Moyen", 26, 75).Level("Avancé", 76, 100).Build();
        Assert.Equal(level, MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice(option)))).Level!.Name);
    }

    [Fact]
    public void Unknown_options_count_for_nothing()
    {
        var questionnaire = new QuestionnaireBuilder().Axis("A").Single("q", 0, 1).Build();
        Assert.Equal(0, MaturityScoring.Score(questionnaire, Answers(("q", AnswerValue.Choice("zzz")))).Overall);
    }
}
