using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Coaching.Web.Commands;
using Coaching.Web.Demo;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using Coaching.Tests.Support;
using Coaching.Tests.Features.Diagnostics;

namespace Coaching.Tests.Hosting;

/// <summary>
/// « Nothing an advisor typed is ever lost »: the app process is killed with SIGKILL while advisors create case files,
/// then started again on the same database. The database must be sound and hold every case file whose creation was
/// acknowledged (the redirect to the new file), whatever happened to the requests in flight.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 8;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(2);
    private readonly ServerFolder _folder = new("coaching-crash-");

    [Fact]
    public async Task Every_acknowledged_write_survives_a_SIGKILL_of_the_server_during_a_write_load()
    {
        var acknowledged = new ConcurrentDictionary<string, Acknowledged>(StringComparer.Ordinal); // by SIRET
        int exitCode;
        using (var server = await ServerProcess.StartAsync(_folder.Path))
        {
            using var client = BrowserClient(server.BaseUrl);
            await SignInAsync(client);
            var token = (await client.GetPageAsync("/dossiers/nouveau")).AntiforgeryToken!;

            using var stop = new CancellationTokenSource();
            var failures = new ConcurrentQueue<string>();
            var writers = Enumerable.Range(0, Writers)
                .Select(w => Task.Run(() => CreateCaseFilesAsync(client, token, w, acknowledged, failures, stop.Token)))
                .ToList();

            var loaded = Stopwatch.StartNew();
            while ((loaded.Elapsed < LoadBeforeKill || acknowledged.Count < 20) && loaded.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(20);
            Assert.True(failures.IsEmpty, "Writes failed before the kill: " + string.Join(" | ", failures.Take(3)));
            Assert.True(acknowledged.Count >= 20, $"Only {acknowledged.Count} writes acknowledged before the kill:\n{server.Output}");

            exitCode = await server.KillAsync(); // the writers are still posting
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        Assert.Equal(128 + 9, exitCode); // killed by SIGKILL, not stopped

        using (var restarted = await ServerProcess.StartAsync(_folder.Path))
        {
            using var connection = new SqliteConnection($"Data Source={ServerProcess.DatabasePath(_folder.Path)};Mode=ReadOnly;Pooling=False");
            connection.Open();
            Assert.Equal("ok", DatabaseBackup.IntegrityCheck(connection));

            var stored = StoredMerchants(connection);
            var missing = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var id) || id != a.Value.Id).Select(a => a.Key).ToList();
            output.WriteLine($"{acknowledged.Count} case files acknowledged before the SIGKILL, {stored.Count} merchants stored after the restart.");
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged case files are missing after the restart: {string.Join(", ", missing.Take(5))}");

            using var client = BrowserClient(restarted.BaseUrl);
            await SignInAsync(client);
            var last = acknowledged.Values.MaxBy(a => a.Id)!;
            var page = await client.GetPageAsync($"/dossiers/{last.Id}");
            Assert.Contains(last.Name, page.Text);
        }
    }

    private static async Task CreateCaseFilesAsync(HttpClient client, string token, int writer, ConcurrentDictionary<string, Acknowledged> acknowledged,
        ConcurrentQueue<string> failures, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var siret = TestData.NewSiret();
            try
            {
                var name = $"Durabilité {writer}-{i}";
                using var response = await client.PostFormAsync("/dossiers/nouveau", token, TestData.ValidMerchant(siret, name));
                var location = response.Headers.Location?.OriginalString ?? "";
                if (response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/dossiers/", StringComparison.Ordinal))
                    acknowledged[siret] = new Acknowledged(int.Parse(location["/dossiers/".Length..], System.Globalization.CultureInfo.InvariantCulture), name);
                else
                    failures.Enqueue($"{(int)response.StatusCode} {location}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // the server is gone: this write was never acknowledged
            }
        }
    }

    private sealed record Acknowledged(int Id, string Name);

    private static Dictionary<string, int> StoredMerchants(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Siret, Id FROM Merchants";
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) stored[reader.GetString(0)] = reader.GetInt32(1);
        return stored;
    }

    private static HttpClient BrowserClient(string baseUrl) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task SignInAsync(HttpClient client)
    {
        var response = await CoachingAppFactory.SignInThroughFormAsync(client, DemoAccounts.AdvisorA.Email, DemoAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => _folder.Dispose();
}
