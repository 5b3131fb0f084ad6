using System.Reflection;

namespace Coaching.Core.ReferenceData;

/// <summary>Reads the semicolon-separated reference files embedded in this assembly (no quoting is needed in them).</summary>
internal static class EmbeddedCsv
{
    public static IEnumerable<string[]> Read(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return line.Split(';');
        }
    }
}
