using BenchmarkDotNet.Attributes;
using Coaching.Core.Roadmaps;
using Coaching.Tests.Core.Documents;
using Microsoft.Playwright;

namespace Coaching.Benchmarks.Roadmap;

/// <summary>
/// The PDF roadmap generator (PDFsharp) against printing the same roadmap's HTML through headless Chromium (a warm
/// browser and page, as a page pool would give), for a typical roadmap and a stress plan of about 100 pages.
/// </summary>
[MedianColumn, MinColumn, MaxColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class RoadmapBenchmarks
{
    /// <summary>Plan length that gives about 100 pages (see the page count printed at set-up).</summary>
    public const int StressActions = 1420;

    private RoadmapData _typical = null!;
    private RoadmapData _stress = null!;
    private string _typicalHtml = "";
    private string _stressHtml = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    [GlobalSetup]
    public async Task SetUp()
    {
        _typical = RoadmapSamples.Typical();
        _stress = RoadmapSamples.Plan(StressActions);
        _typicalHtml = RoadmapHtml.Render(_typical);
        _stressHtml = RoadmapHtml.Render(_stress);
        Console.WriteLine($"// Typical roadmap: {RoadmapDocument.Render(_typical).PageCount} pages; stress plan: {RoadmapDocument.Render(_stress).PageCount} pages ({StressActions} actions).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(ChromiumOptions);
        _page = await _browser.NewPageAsync();
    }

    public static BrowserTypeLaunchOptions ChromiumOptions => new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    };

    [GlobalCleanup]
    public async Task CleanUp()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Typical roadmap – PDFsharp")]
    public byte[] TypicalRoadmapPdfSharp() => RoadmapDocument.Render(_typical).Bytes;

    [Benchmark(Description = "Stress plan ~100 pages – PDFsharp")]
    public byte[] StressPlanPdfSharp() => RoadmapDocument.Render(_stress).Bytes;

    [Benchmark(Description = "Typical roadmap – Chromium print")]
    public Task<byte[]> TypicalRoadmapChromium() => PrintAsync(_typicalHtml);

    [Benchmark(Description = "Stress plan ~100 pages – Chromium print")]
    public Task<byte[]> StressPlanChromium() => PrintAsync(_stressHtml);

    private async Task<byte[]> PrintAsync(string html)
    {
        await _page!.SetContentAsync(html);
        return await _page.PdfAsync(PdfOptions);
    }

    public static PagePdfOptions PdfOptions => new()
    {
        Format = "A4",
        PrintBackground = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<span></span>",
        FooterTemplate = "<div style=\"font-size:8px;width:100%;text-align:right;padding-right:17mm\">page <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
        Margin = new() { Top = "17mm", Bottom = "20mm", Left = "17mm", Right = "17mm" },
    };
}
