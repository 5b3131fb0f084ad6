using Coaching.Core.Roadmaps;
using Coaching.Tests.Core.Documents;
using Microsoft.Playwright;

namespace Coaching.Benchmarks.Roadmap;

/// <summary>Writes the documents the roadmap benchmarks measure, to look at them (pdftoppm, a PDF reader).</summary>
public static class RoadmapSampleWriter
{
    public static async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, data) in new[]
        {
            ("typical", RoadmapSamples.Typical()),
            ("stress", RoadmapSamples.Plan(RoadmapBenchmarks.StressActions)),
            ("empty", RoadmapSamples.Empty()),
        })
        {
            var document = RoadmapDocument.Render(data);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".pdf"), document.Bytes);
            var html = RoadmapHtml.Render(data);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), html);
            Console.WriteLine($"{name}: {document.PageCount} pages, {document.Bytes.Length / 1024} KiB");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(RoadmapBenchmarks.ChromiumOptions);
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(RoadmapHtml.Render(RoadmapSamples.Typical()));
        await File.WriteAllBytesAsync(Path.Combine(folder, "typical-chromium.pdf"), await page.PdfAsync(RoadmapBenchmarks.PdfOptions));
    }
}
