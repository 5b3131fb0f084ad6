using Microsoft.Playwright;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// Shared by every class of the <see cref="BrowserCollection"/>: one running app (Kestrel, loopback, temp SQLite
/// with the demo club) and one Chromium. Each test opens its own browser context (cookies, storage) from it,
/// usually through <see cref="BrowserTest"/>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CoachingAppFactory App { get; } = new();

    /// <summary>Root address of the app, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl => App.BaseUrl;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)TestTimeouts.Assertion.TotalMilliseconds);
        // Kestrel start-up migrates and seeds synchronously; keep it off the xunit synchronization context.
        await Task.Run(App.Start);
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserLocator.LaunchAsync(_playwright);
    }

    /// <summary>
    /// A fresh, isolated browser context: French locale, Paris time, relative URLs resolved against the app.
    /// CSP is bypassed only so that axe-core can be injected; the app's headers are unchanged.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            BypassCSP = true,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout((float)TestTimeouts.Action.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)TestTimeouts.Navigation.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppFixture>
{
    /// <summary>Put [Collection(BrowserCollection.Name)] on a test class to share the app and the browser.</summary>
    public const string Name = "Browser";
}
