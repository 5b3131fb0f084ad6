using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Privacy;

/// <summary>Section « Privacy »: personal data.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";
    public const int MaximumYears = 30;

    /// <summary>Case files closed for this many years are anonymised automatically (default 3).</summary>
    public int AnonymiseClosedAfterYears { get; set; } = 3;
}

public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
        options.AnonymiseClosedAfterYears is >= 1 and <= PrivacyOptions.MaximumYears
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(FormattableString.Invariant(
                $"Privacy:AnonymiseClosedAfterYears is {options.AnonymiseClosedAfterYears}: it must be between 1 and {PrivacyOptions.MaximumYears} years."));
}
