namespace Coaching.Core.Coordination;

/// <summary>Which instance of the app may run a background job until <see cref="ExpiresAt"/> (one row per job).</summary>
public class JobLeaseEntry
{
    public const int JobNameLength = 100;
    public const int HolderLength = 200;

    public required string JobName { get; set; }
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
