namespace Coaching.Tests.Features.Security;

/// <summary>Generated bad input: what people paste by mistake and what attackers send on purpose.</summary>
public static class HostilePayloads
{
    /// <summary>Must never reach a page as markup: only escaped (&amp;lt;script&amp;gt;…).</summary>
    public const string Script = "\"'><script>alert('xss')</script><img src=x onerror=alert(1)>";

    public static readonly IReadOnlyList<(string Name, string Value)> All =
    [
        ("script", Script),
        ("sql", "' OR 1=1; DROP TABLE Merchants; -- \" OR \"\"=\""),
        ("controls", "a\u0000b\u0001\u0008\u001b[2J\u202ec\r\n\t\u2028\uFEFF😀"),
        ("overlong", new string('é', 100_000)),
        ("wrong-type", "-1e400"),
        ("huge-number", "99999999999999999999999999"),
        ("impossible-date", "2026-02-30"),
        ("pdf-operators", ") Tj ET BT /F1 99 Tf (injected) Tj ET % \\ ( << /JavaScript >>"),
    ];

    /// <summary>
    /// The edges of each type the app reads (DateOnly/DateTime, int, long, decimal) and negative numbers: every
    /// parameter the tests fuzz gets each of them too, so that no date arithmetic or conversion overflows into a 500.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Extremes =
    [
        ("date-min", "0001-01-01"),
        ("date-max", "9999-12-31"),
        ("date-max-french", "31/12/9999"),
        ("datetime-min", "0001-01-01T00:00"),
        ("datetime-max", "9999-12-31T23:59"),
        ("int-min", "-2147483648"),
        ("int-max", "2147483647"),
        ("long-min", "-9223372036854775808"),
        ("long-max", "9223372036854775807"),
        ("decimal-min", "-79228162514264337593543950335"),
        ("decimal-max", "79228162514264337593543950335"),
        ("negative", "-1"),
    ];

    /// <summary>Values for ids in URLs: not numbers, out of range, negative, or an injection attempt.</summary>
    public static readonly IReadOnlyList<string> RouteValues =
        ["-1", "0", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "abc", "1%27%20OR%201%3D1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%C3%A9%E2%80%AE", "1.5"];

    /// <summary>The payload shown as markup rather than text: the page would run it in a browser.</summary>
    public static bool ShowsUnescaped(string body) =>
        body.Contains("<script>alert('xss')", StringComparison.OrdinalIgnoreCase)
        || body.Contains("<img src=x onerror=alert(1)>", StringComparison.OrdinalIgnoreCase);
}
