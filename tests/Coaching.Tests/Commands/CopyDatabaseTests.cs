using Coaching.Core.Data;
using Coaching.Web.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Hosting;
using Coaching.Tests.Support;

namespace Coaching.Tests.Commands;

/// <summary>`copy-database`: the demo club moved from SQLite to PostgreSQL, row by row and value by value.</summary>
public sealed class CopyDatabaseTests(CopiedDemoDatabase copy) : IClassFixture<CopiedDemoDatabase>
{
    [PostgresFact]
    public async Task Every_row_of_every_table_is_copied_with_the_same_values()
    {
        Assert.True(copy.ExitCode == 0, copy.Output);
        Assert.Contains("Copie terminée et vérifiée", copy.Output);
        await using var scope = copy.Source.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        await using var target = DatabaseCopyCommand.TargetContext(copy.TargetConnectionString);

        var compared = await SameRows.AssertAllTablesAsync(source, target);

        // The rows the brief names are there, not only tables of zeros.
        Assert.Contains(compared, c => c.Table == "ClubLogos" && c.Rows == 1);
        Assert.Contains(compared, c => c.Table == "AuditEntries" && c.Rows > 0);
        Assert.Contains(compared, c => c.Table == "DataProtectionKeys" && c.Rows > 0);
        Assert.Contains(compared, c => c.Table == "SharedSecrets" && c.Rows == 1);
        Assert.Contains(compared, c => c.Table == "Merchants" && c.Rows >= 60);
    }

    [PostgresFact]
    public async Task New_rows_on_the_copy_get_ids_after_the_copied_ones()
    {
        await using var target = DatabaseCopyCommand.TargetContext(copy.TargetConnectionString);
        var maxId = await target.CaseEvents.MaxAsync(e => e.Id);
        var next = await PostgresDatabases.ScalarAsync<long>(copy.TargetConnectionString, "SELECT nextval(pg_get_serial_sequence('\"CaseEvents\"', 'Id'))");
        Assert.Equal(maxId + 1, next);
    }

    [PostgresFact]
    public async Task A_target_with_rows_is_refused_and_left_as_it_was()
    {
        var target = await copy.Databases.CreateAsync();
        await using (var db = DatabaseCopyCommand.TargetContext(target))
        {
            await db.Database.MigrateAsync();
            db.Clubs.Add(new Coaching.Core.Clubs.Club { Name = "Autre club", RegionCode = "84" });
            await db.SaveChangesAsync();
        }

        var (exit, _, error) = await copy.CopyAsync(target);

        Assert.Equal(1, exit);
        Assert.Contains("n'est pas vide", error);
        await using var check = DatabaseCopyCommand.TargetContext(target);
        Assert.Equal("Autre club", (await check.Clubs.SingleAsync()).Name);
        Assert.Equal(0, await check.Merchants.CountAsync());
        Assert.Equal(0, await check.Users.CountAsync());
    }

    [PostgresFact]
    public async Task A_missing_target_database_is_refused_with_a_message_not_a_stack_trace()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(copy.TargetConnectionString) { Database = "coaching_missing_" + Guid.NewGuid().ToString("N")[..8] };

        var (exit, _, error) = await copy.CopyAsync(missing.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("n'existe pas", error);
        Assert.Contains(missing.Database!, error);
        Assert.DoesNotContain("   at ", error);
    }

    [PostgresFact]
    public async Task A_database_of_another_application_is_refused_even_with_empty_tables()
    {
        var target = await copy.Databases.CreateAsync();
        await PostgresDatabases.ScalarAsync<int>(target, "CREATE TABLE invoices (id integer PRIMARY KEY); SELECT 1");

        var (exit, _, error) = await copy.CopyAsync(target);

        Assert.Equal(1, exit);
        Assert.Contains("invoices", error);
        Assert.Equal(1L, await PostgresDatabases.ScalarAsync<long>(target,
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [PostgresFact]
    public async Task An_empty_migrated_database_is_accepted()
    {
        var target = await copy.Databases.CreateAsync();
        await using (var db = DatabaseCopyCommand.TargetContext(target)) await db.Database.MigrateAsync();

        var (exit, output, error) = await copy.CopyAsync(target);

        Assert.True(exit == 0, output + error);
    }
}
