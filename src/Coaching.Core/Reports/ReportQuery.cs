using System.Data.Common;
using System.Globalization;
using System.Text;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Reports;

/// <summary>
/// Computes a <see cref="ClubReport"/> in SQL: four commands (merchants, sessions, diagnostics, actions), each a
/// UNION ALL of GROUP BY aggregates returning rows of one shape (kind, key, text, n, a, b). Nothing is aggregated in
/// memory: the rows read back are a few dozen at most. Written for SQLite and PostgreSQL (<see cref="ReportSqlDialect"/>).
/// The commands read the pre-aggregated report facts (<see cref="ReportFactsSql"/>), plus the raw sessions and actions of a
/// filtered population.
/// </summary>
public sealed partial class ReportQuery(CoachingDbContext db)
{
    public sealed record Row(string Kind, string? Key, string? Text, long N, double? A, double? B);

    public async Task<ClubReport> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var dialect = ReportSqlDialect.Of(db.Database);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = await ReadAllAsync(connection, filter, dialect, inTransaction: db.Database.CurrentTransaction is not null, cancellationToken);
            return FromRows(filter, rows[0], rows[1], rows[2], rows[3], sqlCommands: 4);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The four SQL commands (merchants, sessions, diagnostics, actions); SQLite's unless told.</summary>
    public static IReadOnlyList<string> Commands(ReportFilter filter, ReportSqlDialect? dialect = null)
    {
        var d = dialect ?? ReportSqlDialect.Sqlite;
        return [d.Finish(MerchantsSql(d, filter)), d.Finish(SessionsSql(d, filter)), d.Finish(DiagnosticsSql(d, filter)), d.Finish(ActionsSql(d, filter))];
    }

    /// <summary>
    /// The rows of the four commands. On PostgreSQL they run in one read-only transaction (one snapshot for the four) with
    /// JIT compilation off: compiling these large aggregate queries cost more than running them (10,000 merchants: the
    /// four commands took 116 ms on average with JIT, 37 ms without; docs/benchmarks.md « Club reports on PostgreSQL »).
    /// </summary>
    public static async Task<List<Row>[]> ReadAllAsync(DbConnection connection, ReportFilter filter, ReportSqlDialect dialect, bool inTransaction, CancellationToken cancellationToken)
    {
        var own = dialect.IsPostgres && !inTransaction
            ? await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        try
        {
            if (dialect.IsPostgres)
            {
                await using var setup = connection.CreateCommand();
                setup.CommandText = own is null ? "SET LOCAL jit = off" : "SET TRANSACTION READ ONLY; SET LOCAL jit = off";
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }
            var rows = new List<Row>[4];
            var commands = Commands(filter, dialect);
            for (var i = 0; i < commands.Count; i++) rows[i] = await ReadAsync(connection, commands[i], filter, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return rows;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Runs one command with the filter's parameters (typed for the connection's provider).</summary>
    public static async Task<List<Row>> ReadAsync(DbConnection connection, string sql, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, filter);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5)));
        }
        return rows;
    }

    /// <summary>The plan rows of an EXPLAIN QUERY PLAN command (id, parent, detail), for the benchmarks.</summary>
    public static async Task<List<string>> ReadPlanAsync(DbConnection connection, string sql, ReportFilter filter)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, filter);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)}");
        return rows;
    }

    public static void AddParametersTo(DbCommand command, ReportFilter filter) => AddParameters(command, filter);

    private static void AddParameters(DbCommand command, ReportFilter filter)
    {
        var dialect = ReportSqlDialect.Of(command);
        object Stored(DateTimeOffset instant) => dialect.Instant(instant);
        void Add(string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        Add("@club", filter.ClubId);
        Add("@from", Stored(filter.From));
        Add("@to", Stored(filter.To));
        Add("@fromDay", ParisDay(filter.From));
        Add("@toDay", ParisDay(filter.To));
        var (fullFrom, fullTo) = WholeMonths(filter.From, filter.To);
        Add("@fullFromDay", DayText(fullFrom));
        Add("@fullToDay", DayText(fullTo));
        Add("@fullFromMonth", fullFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Add("@fullToMonth", fullTo.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        // Not @today: Npgsql matches parameter names ignoring case, and @toDay is the period's end.
        Add("@dueBefore", filter.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("@caseload", filter.CaseloadOf);
        Add("@department", filter.DepartmentCode);
        Add("@commune", filter.CommuneCode);
        Add("@sector", filter.Sector is { } sector ? (int)sector : null);
        Add("@advisor", filter.AdvisorId);
        Add("@cohortFrom", filter.CohortFrom is { } cf ? Stored(cf) : null);
        Add("@cohortTo", filter.CohortTo is { } ct ? Stored(ct) : null);
        Add("@status", filter.Status is { } status ? (int)status : null);
        Add("@age", filter.AgeBand is { } age ? (int)age : null);
        for (var i = 0; i < filter.Months.Count; i++)
        {
            Add($"@m{i}", filter.Months[i].Month);
            Add($"@ms{i}", Stored(filter.Months[i].Start));
            Add($"@me{i}", Stored(filter.Months[i].End));
            Add($"@md1{i}", ParisDay(filter.Months[i].Start));
            Add($"@md2{i}", ParisDay(filter.Months[i].End));
        }
        for (var i = 0; i < IndicatorQuestions.All.Count; i++)
        {
            var indicator = IndicatorQuestions.All[i];
            Add($"@q{i}", indicator.QuestionCode);
            for (var o = 0; o < indicator.Options.Count; o++) Add($"@q{i}o{o}", indicator.Options[o]);
        }
    }
}
