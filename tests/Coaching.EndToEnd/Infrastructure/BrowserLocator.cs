using Microsoft.Playwright;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// Which Chromium the tests drive, in this order:
/// 1. the executable named by the CHROMIUM_PATH environment variable (it must exist);
/// 2. Debian's /usr/bin/chromium (what CI installs with apt-get install chromium);
/// 3. Playwright's own Chromium, if it has been installed (playwright.ps1 install chromium).
/// When none is there, launching fails with a message that says how to get one: the tests never pass silently.
/// </summary>
public static class BrowserLocator
{
    public const string EnvironmentVariable = "CHROMIUM_PATH";
    public const string DebianChromium = "/usr/bin/chromium";

    public static readonly IReadOnlyList<string> Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>Path of the Chromium executable to use, or null for Playwright's own browser.</summary>
    public static string? FindExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException(
                    $"{EnvironmentVariable} is set to '{fromEnvironment}', but no file exists there. " +
                    $"Point it at a Chromium executable or unset it to use {DebianChromium}.");
        }
        return File.Exists(DebianChromium) ? DebianChromium : null;
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var executable = FindExecutable();
        var options = new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Args,
            Timeout = (float)TestTimeouts.BrowserLaunch.TotalMilliseconds,
        };
        try
        {
            return await playwright.Chromium.LaunchAsync(options);
        }
        catch (PlaywrightException e) when (executable is null)
        {
            throw new InvalidOperationException(
                "No Chromium found for the browser tests. Install Debian's one (apt-get install chromium, giving " +
                $"{DebianChromium}), or set {EnvironmentVariable} to a Chromium executable, or install Playwright's " +
                "browser (pwsh tests/Coaching.EndToEnd/bin/Debug/net10.0/playwright.ps1 install chromium). " +
                "Playwright said: " + e.Message, e);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Chromium at {executable} could not be started: {e.Message}", e);
        }
    }
}
