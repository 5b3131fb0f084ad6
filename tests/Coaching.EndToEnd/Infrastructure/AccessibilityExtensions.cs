using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// axe-core on every page visited: no serious or critical violation. Call <see cref="GotoAndCheckAsync"/> to open
/// a page, or <see cref="AssertAccessibleAsync"/> after a click or a form submission that loaded a new page.
/// axe takes about a second a page and most journeys pass through the same pages (the sign-in form, the case-file
/// list): a page whose markup and viewport are identical to one that already passed in this run is not checked twice,
/// since the style sheets and scripts are the same too (only typed values and the focus can differ, which axe's
/// serious and critical rules do not read). This took the browser tests from 4 min 2 s to 3 min 16 s here.
/// </summary>
public static class AccessibilityExtensions
{
    private static readonly string[] FailingImpacts = ["serious", "critical"];
    private static readonly ConditionalWeakTable<IPage, Tracker> Trackers = [];
    private static readonly ConcurrentDictionary<string, bool> PassedPages = new();

    /// <summary>The page's markup without what changes on every request (antiforgery tokens), and its viewport.</summary>
    private const string MarkupScript = """
        () => {
          const copy = document.documentElement.cloneNode(true);
          copy.querySelectorAll('input[name="__RequestVerificationToken"]').forEach(i => i.removeAttribute('value'));
          return window.innerWidth + 'x' + window.innerHeight + '\n' + copy.outerHTML;
        }
        """;

    /// <summary>Opens <paramref name="url"/> (relative to the app), checks the answer's status, then runs axe.</summary>
    /// <param name="expectedStatus">The HTTP status the page must answer with (after redirects); null to accept any below 400.</param>
    public static async Task<IResponse> GotoAndCheckAsync(this IPage page, string url, int? expectedStatus = null)
    {
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {url}.");
        if (expectedStatus is { } status)
            Assert.True(response.Status == status, $"{url} answered {response.Status} (at {page.Url}), expected {status}.");
        else
            Assert.True(response.Status < 400, $"{url} answered {response.Status} (at {page.Url}).");
        await page.AssertAccessibleAsync();
        return response;
    }

    /// <summary>Waits for the current page to load, runs axe on it and fails listing every serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        await page.WaitUntilLoadedAsync();
        if (Trackers.TryGetValue(page, out var tracker))
            tracker.Checked(page.Url);
        await SaveScreenshotAsync(page);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await page.EvaluateAsync<string>(MarkupScript))));
        if (PassedPages.ContainsKey(key)) return;
        var result = await page.RunAxe();

        var violations = result.Violations
            .Where(v => FailingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (violations.Count == 0)
        {
            PassedPages.TryAdd(key, true);
            return;
        }

        var report = new StringBuilder()
            .Append("axe found ").Append(violations.Count).Append(" serious or critical accessibility violation(s) on ")
            .Append(page.Url).AppendLine(":");
        foreach (var violation in violations)
        {
            report.Append("- [").Append(violation.Impact).Append("] ").Append(violation.Id).Append(": ")
                .Append(violation.Help).Append(" (").Append(violation.HelpUrl).AppendLine(")");
            foreach (var node in violation.Nodes)
            {
                report.Append("    ").Append(node.Target).Append("  ").AppendLine(Shorten(node.Html));
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct();
                foreach (var message in checks)
                    report.Append("      ").AppendLine(message.ReplaceLineEndings(" "));
            }
        }
        Assert.Fail(report.ToString());
    }

    /// <summary>Starts recording the pages that <paramref name="page"/> visits (done by <see cref="BrowserTest"/>).</summary>
    public static void Track(IPage page)
    {
        var tracker = new Tracker();
        Trackers.AddOrUpdate(page, tracker);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) tracker.Navigated(frame.Url);
        };
    }

    /// <summary>Stops recording and returns the pages visited but never checked with axe.</summary>
    public static IReadOnlyList<string> Untrack(IPage page)
    {
        if (!Trackers.TryGetValue(page, out var tracker)) return [];
        Trackers.Remove(page);
        return tracker.Finish();
    }

    /// <summary>
    /// With COACHING_E2E_SCREENSHOTS set to a folder, every checked page is also saved there as a full-page PNG,
    /// to look at what the tests saw (numbered in visiting order, with the path and the viewport width).
    /// </summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotsVariable);
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        var number = Interlocked.Increment(ref _screenshotCount);
        var path = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '_');
        var name = $"{number:000}-{(path.Length == 0 ? "accueil" : path)}-{page.ViewportSize?.Width ?? 0}px.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    public const string ScreenshotsVariable = "COACHING_E2E_SCREENSHOTS";

    private static int _screenshotCount;

    private static string Shorten(string? html)
    {
        var text = (html ?? "").ReplaceLineEndings(" ");
        return text.Length <= 160 ? text : text[..157] + "...";
    }

    private sealed class Tracker
    {
        private readonly Lock _lock = new();
        private readonly List<string> _unchecked = [];
        private string? _pending;
        private string? _current;

        public void Navigated(string url)
        {
            lock (_lock)
            {
                if (url == "about:blank") return;
                // A jump to an anchor of the same page (skip link) is not a new page.
                if (url.Contains('#', StringComparison.Ordinal) && WithoutFragment(url) == _current) return;
                if (_pending is not null) _unchecked.Add(_pending);
                _pending = url;
                _current = WithoutFragment(url);
            }
        }

        public void Checked(string url)
        {
            lock (_lock)
            {
                if (_pending is not null && WithoutFragment(_pending) != WithoutFragment(url)) _unchecked.Add(_pending);
                _pending = null;
                _current = WithoutFragment(url);
            }
        }

        public List<string> Finish()
        {
            lock (_lock)
            {
                if (_pending is not null) _unchecked.Add(_pending);
                _pending = null;
                return [.. _unchecked];
            }
        }

        private static string WithoutFragment(string url) => url.Split('#', 2)[0];
    }
}
