using System.Globalization;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using FsCheck;
using FsCheck.Fluent;

namespace Coaching.Tests.Core.Diagnostics;

/// <summary>A random questionnaire (without conditions) and random answers to it.</summary>
public sealed record ScoringScenario(Questionnaire Questionnaire, Dictionary<string, AnswerValue> Answers)
{
    public override string ToString() =>
        string.Join("; ", Questionnaire.AllQuestions.Select(q =>
            $"{q.Code}:{q.Type}[{string.Join(",", q.Options.Select(o => o.Score))}]={(Answers.TryGetValue(q.Code, out var a) ? Describe(a) : "-")}"));

    private static string Describe(AnswerValue answer) =>
        answer.NotApplicable ? "N/A" : answer.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : string.Join("+", answer.Options);
}

internal static class ScoringGenerators
{
    private static readonly QuestionType[] Types =
    [
        QuestionType.SingleChoice, QuestionType.MultipleChoice, QuestionType.YesPartialNo,
        QuestionType.Scale0To5, QuestionType.Number, QuestionType.FreeText,
    ];

    public static Arbitrary<ScoringScenario> Scenarios() => ScenarioGen().ToArbitrary();

    /// <summary>A scenario and two given answers to its first question.</summary>
    public static Arbitrary<(ScoringScenario Scenario, AnswerValue First, AnswerValue Second)> ScenariosWithTwoAnswers() =>
        (from scenario in ScenarioGen()
         let question = scenario.Questionnaire.AllQuestions.First()
         from first in GivenAnswerGen(question)
         from second in GivenAnswerGen(question)
         select (scenario, first, second)).ToArbitrary();

    public static Gen<ScoringScenario> ScenarioGen() =>
        from axisCount in Gen.Choose(1, 4)
        from axes in Gen.ListOf(AxisGen(), axisCount)
        let questionnaire = Number(axes)
        from answers in AnswersGen(questionnaire)
        select new ScoringScenario(questionnaire, answers);

    private static Questionnaire Number(IEnumerable<QuestionnaireAxis> axes)
    {
        var questionnaire = new Questionnaire { Code = "GEN", Version = 1, Title = "Généré" };
        var position = 0;
        foreach (var axis in axes)
        {
            axis.Position = questionnaire.Axes.Count;
            axis.Code = "A" + axis.Position.ToString(CultureInfo.InvariantCulture);
            foreach (var question in axis.Questions)
                question.Code = "Q" + (position++).ToString(CultureInfo.InvariantCulture);
            questionnaire.Axes.Add(axis);
        }
        return questionnaire;
    }

    private static Gen<QuestionnaireAxis> AxisGen() =>
        from weight in Gen.Choose(1, 5)
        from count in Gen.Choose(1, 6)
        from questions in Gen.ListOf(QuestionGen(), count)
        select new QuestionnaireAxis { Title = "Axe", Weight = weight, Questions = questions.Select((q, i) => { q.Position = i; return q; }).ToList() };

    private static Gen<Question> QuestionGen() =>
        from type in Gen.Elements(Types)
        from weight in Gen.Choose(1, 4)
        from allowsNotApplicable in Gen.Elements(true, false)
        from optionCount in Gen.Choose(1, 5)
        from scores in Gen.ListOf(Gen.Choose(0, 8), optionCount)
        from thresholds in Gen.ListOf(Gen.Choose(0, 50), optionCount)
        select new Question
        {
            Text = "Question", Type = type, Weight = weight, AllowsNotApplicable = allowsNotApplicable,
            Options = type switch
            {
                QuestionType.YesPartialNo or QuestionType.Scale0To5 => QuestionTypes.FixedOptions(type).ToList(),
                QuestionType.FreeText => [],
                _ => QuestionnaireBuilder.Options(scores.Select(s => s / 2.0)).Select((o, i) =>
                {
                    if (type == QuestionType.Number) o.Threshold = thresholds[i];
                    return o;
                }).ToList(),
            },
        };

    private static Gen<Dictionary<string, AnswerValue>> AnswersGen(Questionnaire questionnaire)
    {
        var questions = questionnaire.AllQuestions.ToList();
        return Gen.CollectToList(questions, q => AnswerGen(q).Select(a => (q.Code, Answer: a)))
            .Select(list => list.Where(x => x.Answer is not null).ToDictionary(x => x.Code, x => x.Answer!));
    }

    /// <summary>An answer, sometimes none, sometimes « not applicable », sometimes nonsense (unknown option, negative number).</summary>
    public static Gen<AnswerValue?> AnswerGen(Question question) => Gen.Frequency(
        (1, Gen.Constant<AnswerValue?>(null)),
        (1, Gen.Constant<AnswerValue?>(AnswerValue.NotApplicableAnswer)),
        (1, Gen.Constant<AnswerValue?>(AnswerValue.Choice("inconnu"))),
        (6, GivenAnswerGen(question).Select(a => (AnswerValue?)a)));

    public static Gen<AnswerValue> GivenAnswerGen(Question question)
    {
        var codes = question.Options.Select(o => o.Code).ToArray();
        return question.Type switch
        {
            QuestionType.MultipleChoice => Gen.SubListOf(codes).Select(ticked => new AnswerValue(ticked.ToList())),
            QuestionType.Number => Gen.Choose(-10, 80).Select(n => AnswerValue.Of(n)),
            QuestionType.FreeText => Gen.Constant(new AnswerValue([], Text: "texte")),
            _ => Gen.Elements(codes).Select(code => AnswerValue.Choice(code)),
        };
    }
}
