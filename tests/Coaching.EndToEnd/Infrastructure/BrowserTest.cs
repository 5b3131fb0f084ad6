using Microsoft.Playwright;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// Base class for browser tests: each test gets its own context and page, closed afterwards. A test that leaves
/// a visited page without an axe check (<see cref="AccessibilityExtensions"/>) fails at clean-up.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(AppFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected AppFixture Fixture => fixture;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("No browser context yet.");

    protected IPage Page => _page ?? throw new InvalidOperationException("No page yet.");

    public virtual async Task InitializeAsync()
    {
        _context = await fixture.NewContextAsync();
        _page = await _context.NewPageAsync();
        AccessibilityExtensions.Track(_page);
    }

    public virtual async Task DisposeAsync()
    {
        var notChecked = _page is null ? [] : AccessibilityExtensions.Untrack(_page);
        if (_context is not null)
            await _context.CloseAsync();
        if (notChecked.Count > 0)
        {
            Assert.Fail("These pages were visited but never checked with axe; call page.AssertAccessibleAsync() " +
                "after each navigation (or use page.GotoAndCheckAsync):\n  " + string.Join("\n  ", notChecked));
        }
    }
}
