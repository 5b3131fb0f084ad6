namespace Coaching.Core.Diagnostics.Scoring;

/// <summary>What was answered to one question: option codes (single, multiple, yes/partial/no, scale), a number, or a text.</summary>
public sealed record AnswerValue(IReadOnlyList<string> Options, double? Number = null, string? Text = null, bool NotApplicable = false)
{
    public static readonly AnswerValue NotApplicableAnswer = new([], null, null, true);

    public static AnswerValue Choice(params string[] options) => new(options);

    public static AnswerValue Of(double number) => new([], number);

    public bool IsEmpty => !NotApplicable && Options.Count == 0 && Number is null && string.IsNullOrWhiteSpace(Text);

    public bool SameAs(AnswerValue other) =>
        NotApplicable == other.NotApplicable &&
        Number == other.Number &&
        string.Equals(Text ?? "", other.Text ?? "", StringComparison.Ordinal) &&
        Options.Order(StringComparer.Ordinal).SequenceEqual(other.Options.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
