using System.Globalization;
using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Tests.Core.Diagnostics;

/// <summary>Builds questionnaires in memory for scoring tests.</summary>
internal sealed class QuestionnaireBuilder
{
    private readonly Questionnaire _questionnaire = new() { Code = "TEST", Version = 1, Title = "Test" };
    private QuestionnaireAxis? _axis;

    public QuestionnaireBuilder Axis(string code, double weight = 1)
    {
        _axis = new QuestionnaireAxis { Code = code, Title = "Axe " + code, Weight = weight, Position = _questionnaire.Axes.Count };
        _questionnaire.Axes.Add(_axis);
        return this;
    }

    public QuestionnaireBuilder Single(string code, params double[] scores) => Add(code, QuestionType.SingleChoice, Options(scores));

    public QuestionnaireBuilder Multiple(string code, params double[] scores) => Add(code, QuestionType.MultipleChoice, Options(scores));

    public QuestionnaireBuilder YesPartialNo(string code, bool allowsNotApplicable = false, double weight = 1) =>
        Add(code, QuestionType.YesPartialNo, QuestionTypes.FixedOptions(QuestionType.YesPartialNo), allowsNotApplicable, weight);

    public QuestionnaireBuilder Scale(string code, bool allowsNotApplicable = false, double weight = 1) =>
        Add(code, QuestionType.Scale0To5, QuestionTypes.FixedOptions(QuestionType.Scale0To5), allowsNotApplicable, weight);

    public QuestionnaireBuilder Number(string code, params (double Threshold, double Score)[] thresholds) =>
        Add(code, QuestionType.Number, thresholds.Select((t, i) => new QuestionOption
        {
            Position = i, Code = "t" + i.ToString(CultureInfo.InvariantCulture), Label = "≥ " + t.Threshold.ToString(CultureInfo.InvariantCulture),
            Threshold = t.Threshold, Score = t.Score,
        }).ToList());

    public QuestionnaireBuilder FreeText(string code) => Add(code, QuestionType.FreeText, []);

    public QuestionnaireBuilder ShownIf(string questionCode, string optionCode)
    {
        var question = _axis!.Questions[^1];
        question.ConditionQuestionCode = questionCode;
        question.ConditionOptionCode = optionCode;
        return this;
    }

    public QuestionnaireBuilder Level(string name, int min, int max)
    {
        _questionnaire.Levels.Add(new MaturityLevel { Name = name, MinScore = min, MaxScore = max });
        return this;
    }

    public QuestionnaireBuilder Add(string code, QuestionType type, IEnumerable<QuestionOption> options, bool allowsNotApplicable = false, double weight = 1)
    {
        _axis!.Questions.Add(new Question
        {
            Code = code, Text = "Question " + code, Type = type, Weight = weight, AllowsNotApplicable = allowsNotApplicable,
            Position = _axis.Questions.Count, Options = options.ToList(),
        });
        return this;
    }

    public Questionnaire Build() => _questionnaire;

    /// <summary>Options named o0, o1… carrying the given scores.</summary>
    public static List<QuestionOption> Options(IEnumerable<double> scores) => scores
        .Select((score, i) => new QuestionOption
        {
            Position = i, Code = "o" + i.ToString(CultureInfo.InvariantCulture), Label = "Option " + i.ToString(CultureInfo.InvariantCulture), Score = score,
        })
        .ToList();
}
