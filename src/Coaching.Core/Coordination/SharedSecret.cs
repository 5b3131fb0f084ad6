namespace Coaching.Core.Coordination;

/// <summary>A key every instance of the app must share (e.g. the audit e-mail hash key), created once.</summary>
public class SharedSecret
{
    public const int NameLength = 100;
    public const string AuditEmailHashKey = "audit-email-hash";

    public required string Name { get; set; }
    public required byte[] Value { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
