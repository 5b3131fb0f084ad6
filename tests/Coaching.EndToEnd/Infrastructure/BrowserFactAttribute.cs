namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// A browser test: bounded in time, and skipped (saying why) on a developer machine that has no Chromium at all, so
/// that `dotnet test` passes on a machine with only the .NET SDK. Under CI (CI=true) a missing browser is a failure.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Timeout = TestTimeouts.Test;
        Skip ??= BrowserAvailability.SkipReason;
    }
}

/// <summary>The <see cref="BrowserFactAttribute"/> of theories.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        Timeout = TestTimeouts.Test;
        Skip ??= BrowserAvailability.SkipReason;
    }
}

public static class BrowserAvailability
{
    /// <summary>Null when a browser can be driven (or when CI must fail loudly without one); otherwise why the tests are skipped.</summary>
    public static string? SkipReason { get; } = Find();

    private static string? Find()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(BrowserLocator.EnvironmentVariable))) return null;
        if (File.Exists(BrowserLocator.DebianChromium)) return null;
        var playwrightCache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (Directory.Exists(playwrightCache) && Directory.EnumerateDirectories(playwrightCache, "chromium*").Any()) return null;
        return "No Chromium on this machine: install it (apt-get install chromium) or set CHROMIUM_PATH to run the browser tests.";
    }
}
