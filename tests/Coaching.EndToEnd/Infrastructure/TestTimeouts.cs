namespace Coaching.EndToEnd.Infrastructure;

/// <summary>Generous but bounded waits, sized for a busy 2-core CI machine.</summary>
public static class TestTimeouts
{
    /// <summary>Upper bound for one whole test, in milliseconds, for [Fact(Timeout = TestTimeouts.Test)].</summary>
    public const int Test = 120_000;

    public static readonly TimeSpan BrowserLaunch = TimeSpan.FromSeconds(60);

    /// <summary>Clicks, fills, waits for an element.</summary>
    public static readonly TimeSpan Action = TimeSpan.FromSeconds(15);

    /// <summary>Page loads and redirects.</summary>
    public static readonly TimeSpan Navigation = TimeSpan.FromSeconds(30);

    /// <summary>Expect(...) assertions, which retry until they hold.</summary>
    public static readonly TimeSpan Assertion = TimeSpan.FromSeconds(10);
}
