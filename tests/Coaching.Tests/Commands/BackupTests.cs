using System.Globalization;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Web.Commands;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Commands;

/// <summary>`backup --out FILE`: an online copy taken while the app writes, checked like a restore would use it.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    private const string Probe = "backup-probe ";
    private readonly CoachingAppFactory _app = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coaching-backup-" + Guid.NewGuid().ToString("N")[..12]);
    private int _committed;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return _app.InitializeAsync();
    }

    [Fact]
    public async Task A_backup_taken_during_writes_is_sound_and_holds_exactly_a_prefix_of_the_commits()
    {
        var file = Path.Combine(_folder, "copy.db");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writer = Task.Run(() => WriteProbesAsync(stop.Token));
        await WaitForAsync(() => _committed >= 20, writer);

        var committedBefore = Volatile.Read(ref _committed);
        var (exitCode, output, error) = await RunBackupAsync("--out", file);
        var committedAfter = Volatile.Read(ref _committed);
        await WaitForAsync(() => _committed >= committedAfter + 5, writer); // the writer was never blocked for good
        await stop.CancelAsync();
        await writer;

        Assert.True(exitCode == 0, error);
        Assert.Contains("integrity_check : ok", output);
        using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        copy.Open();
        Assert.Equal("ok", DatabaseBackup.IntegrityCheck(copy));
        Assert.Equal("delete", Scalar(copy, "PRAGMA journal_mode;")); // one self-contained file
        var migrations = await _app.QueryAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.NotEmpty(migrations);
        Assert.Equal(migrations.Count.ToString(CultureInfo.InvariantCulture), Scalar(copy, "SELECT COUNT(*) FROM __EFMigrationsHistory;"));

        var probes = Numbers(copy);
        Assert.Equal(Enumerable.Range(1, probes.Count), probes); // no gap: the copy is the database as of one commit
        // One writer: at most one commit can be done and not yet counted when the counter is read.
        Assert.InRange(probes.Count, committedBefore, committedAfter + 1);
    }

    [Fact]
    public async Task An_existing_file_is_only_replaced_with_force()
    {
        var file = Path.Combine(_folder, "existing.db");
        await File.WriteAllTextAsync(file, "not a database");

        var (refused, _, error) = await RunBackupAsync("--out", file);
        Assert.Equal(1, refused);
        Assert.Contains("existe déjà", error);
        Assert.Equal("not a database", await File.ReadAllTextAsync(file));

        var (forced, output, _) = await RunBackupAsync("--out", file, "--force");
        Assert.Equal(0, forced);
        Assert.Contains("Sauvegarde écrite", output);
        using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        copy.Open();
        Assert.Equal("ok", DatabaseBackup.IntegrityCheck(copy));
        Assert.Empty(Directory.GetFiles(_folder, "*.partial*"));
    }

    [Fact]
    public async Task A_command_without_a_file_gets_its_usage()
    {
        var (exitCode, _, error) = await RunBackupAsync("--out");
        Assert.Equal(2, exitCode);
        Assert.Contains("Usage : backup --out FICHIER [--force]", error);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunBackupAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await _app.WithScopeAsync(services => DatabaseBackup.RunAsync(services, args, output, error));
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Commits numbered timeline lines one at a time through the app's DbContext, as a request would.</summary>
    private async Task WriteProbesAsync(CancellationToken stop)
    {
        var merchantId = _app.Ids.MerchantA;
        while (!stop.IsCancellationRequested)
        {
            var next = _committed + 1;
            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            db.CaseEvents.Add(new CaseEvent
            {
                MerchantId = merchantId,
                OccurredAt = _app.Clock.GetUtcNow(),
                Kind = CaseEventKind.Updated,
                Summary = Probe + next.ToString("D6", CultureInfo.InvariantCulture),
            });
            await db.SaveChangesAsync(CancellationToken.None);
            Volatile.Write(ref _committed, next);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, Task writer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (writer.IsFaulted) await writer;
            await Task.Delay(5, timeout.Token);
        }
    }

    private static List<int> Numbers(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Summary FROM CaseEvents WHERE Summary LIKE '{Probe}%' ORDER BY Id;";
        using var reader = command.ExecuteReader();
        var numbers = new List<int>();
        while (reader.Read()) numbers.Add(int.Parse(reader.GetString(0)[Probe.Length..], CultureInfo.InvariantCulture));
        return numbers;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
