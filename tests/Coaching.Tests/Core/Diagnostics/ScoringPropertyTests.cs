using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Coaching.Tests.Core.Diagnostics;

public sealed class ScoringPropertyTests
{
    private const double Tolerance = 1e-9;

    [Property(MaxTest = 300)]
    public Property Every_score_stays_within_0_and_100() =>
        Prop.ForAll(ScoringGenerators.Scenarios(), scenario =>
        {
            var score = MaturityScoring.Score(scenario.Questionnaire, scenario.Answers);
            return score.Axes.All(a => a.Score is null or (>= 0 and <= 100)) && score.Overall is null or (>= 0 and <= 100);
        });

    [Property(MaxTest = 300)]
    public Property A_not_applicable_answer_leaves_the_denominator() =>
        Prop.ForAll(ScoringGenerators.Scenarios(), scenario =>
        {
            var before = MaturityScoring.Score(scenario.Questionnaire, scenario.Answers);
            var axis = scenario.Questionnaire.Axes[0];
            axis.Questions.Add(new Question
            {
                Code = "EXTRA", Text = "En plus", Type = QuestionType.YesPartialNo, AllowsNotApplicable = true, Weight = 3,
                Position = axis.Questions.Count, Options = QuestionTypes.FixedOptions(QuestionType.YesPartialNo).ToList(),
            });
            var answers = new Dictionary<string, AnswerValue>(scenario.Answers) { ["EXTRA"] = AnswerValue.NotApplicableAnswer };
            var after = MaturityScoring.Score(scenario.Questionnaire, answers);
            return Same(before.Overall, after.Overall) && before.Axes.Zip(after.Axes).All(p => Same(p.First.Score, p.Second.Score));
        });

    [Property(MaxTest = 300)]
    public Property A_more_mature_answer_never_lowers_a_score() =>
        Prop.ForAll(ScoringGenerators.ScenariosWithTwoAnswers(), input =>
        {
            var (scenario, first, second) = input;
            var question = scenario.Questionnaire.AllQuestions.First(q => q.Code == "Q0");
            var (low, high) = MaturityScoring.QuestionValue(question, first) <= MaturityScoring.QuestionValue(question, second)
                ? (first, second)
                : (second, first);
            var lower = MaturityScoring.Score(scenario.Questionnaire, With(scenario.Answers, "Q0", low));
            var higher = MaturityScoring.Score(scenario.Questionnaire, With(scenario.Answers, "Q0", high));
            return NotLower(lower.Overall, higher.Overall) && lower.Axes.Zip(higher.Axes).All(p => NotLower(p.First.Score, p.Second.Score));
        });

    [Property(MaxTest = 300)]
    public Property Ticking_one_more_option_never_lowers_a_multiple_choice_value() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 6), 5).ToArbitrary(), Gen.Choose(0, 31).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (scores, mask, extra) =>
        {
            var question = new QuestionnaireBuilder().Axis("A").Multiple("q", scores.Select(s => (double)s).ToArray()).Build().AllQuestions.Single();
            var ticked = Enumerable.Range(0, 5).Where(i => (mask & (1 << i)) != 0).Select(i => "o" + i).ToList();
            var more = ticked.Append("o" + extra).Distinct().ToList();
            return MaturityScoring.QuestionValue(question, new AnswerValue(more)) + Tolerance >= MaturityScoring.QuestionValue(question, new AnswerValue(ticked));
        });

    [Property(MaxTest = 200)]
    public Property Answering_a_question_never_lowers_a_score() =>
        Prop.ForAll(ScoringGenerators.ScenariosWithTwoAnswers(), input =>
        {
            var (scenario, answered, _) = input;
            var without = new Dictionary<string, AnswerValue>(scenario.Answers);
            without.Remove("Q0");
            var before = MaturityScoring.Score(scenario.Questionnaire, without);
            var after = MaturityScoring.Score(scenario.Questionnaire, With(without, "Q0", answered));
            return NotLower(before.Overall, after.Overall);
        });

    private static Dictionary<string, AnswerValue> With(Dictionary<string, AnswerValue> answers, string code, AnswerValue value) =>
        new(answers) { [code] = value };

    private static bool Same(double? a, double? b) => (a is null && b is null) || (a is { } x && b is { } y && Math.Abs(x - y) < Tolerance);

    private static bool NotLower(double? before, double? after) => (before is null && after is null) || (before is { } x && after is { } y && y + Tolerance >= x);
}
