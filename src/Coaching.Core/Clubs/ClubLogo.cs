namespace Coaching.Core.Clubs;

/// <summary>A club's logo (PNG or JPEG, 1 MB at most), in the database so that every instance of the app serves it.</summary>
public class ClubLogo
{
    public const int ContentTypeLength = 20;

    public int ClubId { get; set; }
    public required byte[] Content { get; set; }
    public required string ContentType { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
