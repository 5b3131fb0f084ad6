namespace Coaching.Core.Diagnostics.Format;

// The JSON exchange format of questionnaires, described in docs/questionnaire-format.md.
// Properties are nullable so that the validator, not the parser, reports what is missing.

public sealed class QuestionnaireFile
{
    public const string CurrentFormat = "coaching-questionnaire/1";

    public string? Format { get; set; }
    public string? Code { get; set; }
    public int? Version { get; set; }
    public string? Status { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<AxisFile>? Axes { get; set; }
    public List<LevelFile>? Levels { get; set; }
    public List<RuleFile>? Rules { get; set; }
}

public sealed class AxisFile
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public double? Weight { get; set; }
    public List<QuestionFile>? Questions { get; set; }
}

public sealed class QuestionFile
{
    public string? Code { get; set; }
    public string? Text { get; set; }
    public string? Help { get; set; }
    public string? Type { get; set; }
    public double? Weight { get; set; }
    public bool? AllowsNotApplicable { get; set; }
    public string? Unit { get; set; }
    public ConditionFile? Condition { get; set; }
    public List<OptionFile>? Options { get; set; }
}

public sealed class ConditionFile
{
    public string? Question { get; set; }
    public string? Option { get; set; }
}

public sealed class OptionFile
{
    public string? Code { get; set; }
    public string? Label { get; set; }
    public double? Score { get; set; }
    public double? Min { get; set; }
}

public sealed class LevelFile
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }
}

public sealed class RuleFile
{
    /// <summary>« axisBelow » or « answered ».</summary>
    public string? When { get; set; }
    public string? Axis { get; set; }
    public double? Below { get; set; }
    public string? Question { get; set; }
    public string? Option { get; set; }
    public string? Action { get; set; }
    public int? Priority { get; set; }
}

/// <summary>One reason a file is refused, with the JSON path of the faulty value (e.g. <c>$.axes[1].questions[0].type</c>).</summary>
public sealed record FormatError(string Path, string Message)
{
    public override string ToString() => $"{Path} : {Message}";
}
