using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Coaching.Core.Documents;

/// <summary>DejaVu Sans, shipped with the app (Bitstream Vera licence), so that every machine renders documents alike.</summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    /// <summary>Installs the resolver once per process; PDFsharp refuses a second one.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts) return;
            GlobalFontSettings.FontResolver = new PdfFonts();
        }
    }

    public static XFont Regular(double size) => new(Family, size, XFontStyleEx.Regular);
    public static XFont Bold(double size) => new(Family, size, XFontStyleEx.Bold);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (Faces.TryGetValue(faceName, out var bytes)) return bytes;
            var assembly = Assembly.GetExecutingAssembly();
            var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + faceName + ".ttf", StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Faces[faceName] = buffer.ToArray();
        }
    }
}
