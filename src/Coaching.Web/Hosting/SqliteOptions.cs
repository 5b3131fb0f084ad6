
namespace Coaching.Web.Hosting;

/// <summary>SQLite durability settings (section « Sqlite »); docs/durability.md explains the defaults.</summary>
public sealed class SqliteOptions
{
    public const string Section = "Sqlite";

    /// <summary>
    /// <c>Full</c> (default): every commit waits until the WAL is on disk, so a power cut or an OS crash loses no
    /// acknowledged write. <c>Normal</c>: commits only wait for the OS; an application crash still loses nothing,
    /// a power cut may undo the last commits before the next checkpoint.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Size the WAL file is truncated back to after a checkpoint (it grows during big writes such as imports).</summary>
    public int JournalSizeLimitMegabytes { get; set; } = 64;
}

public enum SqliteSynchronous
{
    Normal,
    Full,
}
