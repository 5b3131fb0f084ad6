using Coaching.Core.Data;

namespace Coaching.Core.Coordination;

/// <summary>Which instance of the app may run a background job until <see cref="ExpiresAt"/> (one row per job).</summary>
public class JobLeaseEntry : IVersioned
{
    public const int JobNameLength = 100;
    public const int HolderLength = 200;

    public required string JobName { get; set; }
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }
}
