using Coaching.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>The SQLite settings of docs/durability.md, read back from the database file and from the app's connections.</summary>
[Collection(AppCollection.Name)]
public sealed class SqliteSettingsTests(CoachingAppFactory app)
{
    [Fact]
    public void The_database_file_is_left_in_WAL_mode_by_the_start_up()
    {
        // journal_mode=WAL is stored in the file: a plain connection that sets nothing sees it.
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
    }

    [Fact]
    public async Task The_app_connections_wait_for_locks_and_fsync_every_commit_by_default()
    {
        var settings = await app.QueryAsync(db => Task.FromResult(AppPragmas(db)));

        Assert.Equal("10000", settings["busy_timeout"]);
        Assert.Equal("2", settings["synchronous"]); // FULL
        Assert.Equal((64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), settings["journal_size_limit"]);
    }

    [Fact]
    public async Task Synchronous_NORMAL_can_be_chosen_in_the_settings()
    {
        await using var normal = new NormalSynchronousApp();
        await normal.InitializeAsync();

        var settings = await normal.QueryAsync(db => Task.FromResult(AppPragmas(db)));

        Assert.Equal("1", settings["synchronous"]); // NORMAL
    }

    private static Dictionary<string, string> AppPragmas(CoachingDbContext db)
    {
        db.Database.OpenConnection();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return new[] { "busy_timeout", "synchronous", "journal_size_limit", "journal_mode" }
            .ToDictionary(name => name, name => Pragma(connection, name));
    }

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private sealed class NormalSynchronousApp : CoachingAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sqlite:Synchronous", "Normal");
        }
    }
}
