namespace Coaching.Core.Coordination;

/// <summary>An uploaded CSV file between the import's preview and its confirmation, which may reach another instance.</summary>
public class PendingImport
{
    public const int FileNameLength = 255;

    public Guid Id { get; set; }

    /// <summary>The uploader: only they may confirm it.</summary>
    public required string OwnerId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
