using Coaching.Core.Audit;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Audit;

/// <summary>Section « Audit »: the audit trail.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Months an audit entry is kept (6 to 12, the CNIL's recommended range); older ones are purged daily.</summary>
    public int RetentionMonths { get; set; } = AuditRetention.DefaultMonths;

    /// <summary>Base64 key (32 bytes or more) of the e-mail hashes; when empty a random key is kept in the data folder.</summary>
    public string? EmailHashKey { get; set; }
}

/// <summary>Refuses to start with a retention the CNIL's guidance does not allow, saying which value is wrong.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        if (options.RetentionMonths is < AuditRetention.MinimumMonths or > AuditRetention.MaximumMonths)
            return ValidateOptionsResult.Fail(FormattableString.Invariant(
                $"Audit:RetentionMonths is {options.RetentionMonths}: it must be between {AuditRetention.MinimumMonths} and {AuditRetention.MaximumMonths} months (the CNIL's recommended range for access logs)."));
        if (!string.IsNullOrEmpty(options.EmailHashKey) && !IsKey(options.EmailHashKey))
            return ValidateOptionsResult.Fail("Audit:EmailHashKey must be a base64 key of at least 32 bytes.");
        return ValidateOptionsResult.Success;
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= 32;
    }
}
