namespace Coaching.Core.Data;

/// <summary>
/// A row that forms edit with optimistic concurrency. Each provider uses one of the two tokens and ignores the other
/// (see <see cref="RowVersions"/>): read and compare them through <see cref="RowVersions"/>, never directly.
/// </summary>
public interface IVersioned
{
    /// <summary>SQLite's token: SQLite has no row version of its own, so <see cref="CoachingDbContext"/> renews it on every save.</summary>
    Guid Version { get; set; }

    /// <summary>PostgreSQL's token: the system column <c>xmin</c> (the transaction that last wrote the row), set by the server.</summary>
    uint RowVersion { get; set; }
}
