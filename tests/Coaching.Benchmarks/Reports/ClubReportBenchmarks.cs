using BenchmarkDotNet.Attributes;
using Coaching.Core.Reports;
using Coaching.Core.ReferenceData;
using Coaching.Web.Features.Reports;
using Microsoft.Data.Sqlite;

namespace Coaching.Benchmarks.Reports;

/// <summary>
/// The club report page on a 100,000-merchant club, unfiltered and filtered, next to the raw SQL time of the same four
/// aggregate commands run on a plain SqliteConnection.
/// </summary>
[MemoryDiagnoser]
public class ClubReportBenchmarks
{
    public const string FilteredUrl = "/rapports?Department=33&Sector=FoodCraft";

    private ReportBenchmarkHost _host = null!;
    private HttpClient _client = null!;
    private SqliteConnection _connection = null!;
    private ReportFilter _unfiltered = null!;
    private ReportFilter _filtered = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _host = new ReportBenchmarkHost();
        _client = await _host.SignedInManagerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        _unfiltered = form.ToFilter(1, null, today);
        _filtered = _unfiltered with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft };
        _connection = new SqliteConnection($"Data Source={ReportBenchmarkHost.DatabasePath};Mode=ReadOnly");
        await _connection.OpenAsync();

        foreach (var url in new[] { "/rapports", FilteredUrl })
        {
            await PageAsync(url);
            _host.Counter.Reset();
            await PageAsync(url);
            Console.WriteLine($"// SQL commands for {url}: {_host.Counter.Count} sent by EF Core + {ReportQuery.Commands(_unfiltered).Count} report commands");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _connection.DisposeAsync();
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<int> PageAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !html.Contains("Progression de la maturité", StringComparison.Ordinal))
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} without the report.");
        return html.Length;
    }

    private async Task<int> RawAsync(ReportFilter filter)
    {
        var rows = 0;
        foreach (var sql in ReportQuery.Commands(filter))
            rows += (await ReportQuery.ReadAsync(_connection, sql, filter, CancellationToken.None)).Count;
        return rows;
    }

    [Benchmark(Description = "Page /rapports (unfiltered)")]
    public Task<int> UnfilteredPage() => PageAsync("/rapports");

    [Benchmark(Description = "Raw SQL, unfiltered (4 commands)")]
    public Task<int> UnfilteredSql() => RawAsync(_unfiltered);

    [Benchmark(Description = "Page /rapports (department 33, food craft)")]
    public Task<int> FilteredPage() => PageAsync(FilteredUrl);

    [Benchmark(Description = "Raw SQL, filtered (4 commands)")]
    public Task<int> FilteredSql() => RawAsync(_filtered);
}
