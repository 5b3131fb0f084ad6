using BenchmarkDotNet.Attributes;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Format;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Benchmarks.Diagnostics;

/// <summary>
/// Scoring one completed assessment of the default questionnaire (issue 3; goal: under 20 µs):
/// 45 answers of every kind (choices, tick-lists, numbers, two « not applicable »), one conditional question shown.
/// Run: dotnet run -c Release --project tests/Coaching.Benchmarks -- --filter '*MaturityScoringBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[InProcess]
public class MaturityScoringBenchmarks
{
    public const int AnswerCount = 45;

    private Questionnaire _questionnaire = null!;
    private Dictionary<string, AnswerValue> _answers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _questionnaire = LoadDefault();
        _answers = Answers(_questionnaire, AnswerCount);
        if (_answers.Count != AnswerCount)
            throw new InvalidOperationException($"The default questionnaire gave {_answers.Count} answers instead of {AnswerCount}.");
    }

    [Benchmark]
    public MaturityScore Score45Answers() => MaturityScoring.Score(_questionnaire, _answers);

    public static Questionnaire LoadDefault()
    {
        var (file, errors) = QuestionnaireJson.Read(DefaultQuestionnaire.Json());
        if (file is null || errors.Count > 0)
            throw new InvalidOperationException("The default questionnaire does not load: " + string.Join("; ", errors.Select(e => e.ToString())));
        return QuestionnaireFileMapper.ToQuestionnaire(file, 1, DateTimeOffset.UnixEpoch);
    }

    /// <summary>Answers to the first <paramref name="count"/> scored questions, in questionnaire order: mid-range options.</summary>
    public static Dictionary<string, AnswerValue> Answers(Questionnaire questionnaire, int count)
    {
        var answers = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var notApplicable = 0;
        foreach (var question in questionnaire.AllQuestions.Where(q => q.IsScored))
        {
            if (answers.Count == count) break;
            var options = (question.Options.Count > 0 ? question.OrderedOptions : QuestionTypes.FixedOptions(question.Type))
                .OrderBy(o => o.Score).ToList();
            if (question.AllowsNotApplicable && notApplicable < 2 && question.Type != QuestionType.SingleChoice)
            {
                answers[question.Code] = AnswerValue.NotApplicableAnswer;
                notApplicable++;
                continue;
            }
            answers[question.Code] = question.Type switch
            {
                QuestionType.MultipleChoice => new AnswerValue(options.Take(2).Select(o => o.Code).ToList()),
                QuestionType.Number => AnswerValue.Of((options[options.Count / 2].Threshold ?? 0) + 1),
                // A condition question gets the option that shows the question it governs.
                _ => AnswerValue.Choice(questionnaire.AllQuestions.FirstOrDefault(q => q.ConditionQuestionCode == question.Code)?.ConditionOptionCode
                    ?? options[options.Count / 2].Code),
            };
        }
        return answers;
    }
}
