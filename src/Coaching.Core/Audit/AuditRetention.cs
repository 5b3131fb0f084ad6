namespace Coaching.Core.Audit;

/// <summary>How long audit entries are kept: the CNIL recommends 6 to 12 months for access logs.</summary>
public static class AuditRetention
{
    public const int MinimumMonths = 6;
    public const int MaximumMonths = 12;
    public const int DefaultMonths = 12;

    public static DateTimeOffset Cutoff(DateTimeOffset now, int months) => now.AddMonths(-months);
}
