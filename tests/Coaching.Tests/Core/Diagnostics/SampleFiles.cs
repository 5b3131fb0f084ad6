namespace Coaching.Tests.Core.Diagnostics;

/// <summary>Files of the repository the tests read (found by walking up from the test binaries).</summary>
internal static class SampleFiles
{
    public static string Root { get; } = FindRoot();

    public static string Edih => Path.Combine(Root, "docs", "samples", "edih-dma.json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Coaching.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Coaching.sln not found above " + AppContext.BaseDirectory);
    }
}
