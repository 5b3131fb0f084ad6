using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Core.Diagnostics.Assessments;

/// <summary>The answer to one question of the assessment's version, saved as soon as it is given.</summary>
public class AssessmentAnswer : IVersioned
{
    public const char OptionSeparator = ' ';

    public long Id { get; set; }
    public int AssessmentId { get; set; }
    public string QuestionCode { get; set; } = "";

    /// <summary>Chosen or ticked option codes, separated by spaces.</summary>
    public string? OptionCodes { get; set; }
    public double? Number { get; set; }
    public string? Text { get; set; }
    public bool NotApplicable { get; set; }
    public string? Comment { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public IReadOnlyList<string> SelectedOptions =>
        (OptionCodes ?? "").Split(OptionSeparator, StringSplitOptions.RemoveEmptyEntries);

    public AnswerValue ToValue() => new(SelectedOptions, Number, Text, NotApplicable);

    public bool HasSameValue(AnswerValue value) => ToValue().SameAs(value);

    public void SetValue(AnswerValue value)
    {
        OptionCodes = value.Options.Count == 0 ? null : string.Join(OptionSeparator, value.Options);
        Number = value.Number;
        Text = value.Text;
        NotApplicable = value.NotApplicable;
    }
}
