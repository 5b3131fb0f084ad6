namespace Coaching.Core.Clubs;

public static class LogoFormat
{
    /// <summary>".png" or ".jpg" from the file's first bytes (never trust the uploaded name), or null.</summary>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? ".png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ".jpg"
        : null;

    public static string? ContentType(ReadOnlySpan<byte> content) => Detect(content) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        _ => null,
    };
}
