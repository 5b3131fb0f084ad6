using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coaching.Core.Reports;

/// <summary>
/// Keeps the report facts (<see cref="ReportFactsSql"/>) in step with every save (through <see cref="ReportFactsRefresh"/>): before saving it notes the
/// merchants and days the tracked changes touch (reading the participants of edited or deleted sessions), after saving
/// it recomputes their facts in the same transaction. Writes that bypass the change tracker (the synthetic generator's
/// bulk inserts) rebuild the facts with <see cref="RebuildAsync"/>.
/// </summary>
public sealed class ReportFactsSync
{
    private readonly HashSet<int> _merchants = [];
    private readonly List<Merchant> _addedMerchants = [];
    private readonly List<CoachingSession> _addedSessions = [];
    private readonly HashSet<(int Club, string Day)> _sessionDays = [];
    private readonly HashSet<string> _actionDays = [];

    public bool IsEmpty => _merchants.Count == 0 && _addedMerchants.Count == 0 && _addedSessions.Count == 0 && _sessionDays.Count == 0 && _actionDays.Count == 0;

    /// <summary>The Paris day of an instant, as the daily totals key it (<see cref="ReportSqlDialect.ParisDay"/> in SQL).</summary>
    private static string Day(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Time.ParisTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T? Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? default : (T?)entry.Property(property).OriginalValue;

    private static T? Current<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Deleted ? default : (T?)entry.Property(property).CurrentValue;

    /// <summary>Only completed diagnostics are in the facts: saving the answers of one in progress refreshes nothing.</summary>
    private static bool WasOrIsCompleted(EntityEntry entry) =>
        Original<AssessmentStatus>(entry, nameof(Assessment.Status)) == AssessmentStatus.Completed ||
        Current<AssessmentStatus>(entry, nameof(Assessment.Status)) == AssessmentStatus.Completed;

    /// <summary>A change whose save may move a report figure: the rows the facts are computed from, added, changed or deleted.</summary>
    public static bool IsReported(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
        entry.Entity is Merchant or Assessment or CoachingSession or SessionMerchant or SessionAdvisor or ActionPlan or ActionPlanItem;

    public static async Task<ReportFactsSync> CollectAsync(CoachingDbContext db, CancellationToken cancellationToken)
    {
        var sync = new ReportFactsSync();
        var sessionIds = new HashSet<int>();
        var planIds = new HashSet<int>();
        var deletedMerchants = new List<int>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!IsReported(entry)) continue;
            switch (entry.Entity)
            {
                case Merchant merchant when entry.State == EntityState.Added:
                    sync._addedMerchants.Add(merchant);
                    break;
                case Merchant merchant:
                    sync._merchants.Add(merchant.Id);
                    if (entry.State == EntityState.Deleted) deletedMerchants.Add(merchant.Id);
                    break;
                case Assessment when WasOrIsCompleted(entry):
                    sync.AddMerchant(Original<int>(entry, nameof(Assessment.MerchantId)), Current<int>(entry, nameof(Assessment.MerchantId)));
                    break;
                case CoachingSession session:
                    if (entry.State == EntityState.Added) sync._addedSessions.Add(session);
                    else
                    {
                        sessionIds.Add(session.Id);
                        sync._sessionDays.Add((Original<int>(entry, nameof(CoachingSession.ClubId)), Day(Original<DateTimeOffset>(entry, nameof(CoachingSession.StartsAt)))));
                        if (entry.State == EntityState.Modified) sync._sessionDays.Add((session.ClubId, Day(session.StartsAt)));
                    }
                    break;
                case SessionMerchant participant:
                    sync.AddMerchant(Original<int>(entry, nameof(SessionMerchant.MerchantId)), Current<int>(entry, nameof(SessionMerchant.MerchantId)));
                    if (participant.SessionId > 0) sessionIds.Add(participant.SessionId);
                    break;
                case SessionAdvisor advisor when advisor.SessionId > 0:
                    sessionIds.Add(advisor.SessionId);
                    break;
                case ActionPlan plan:
                    sync.AddMerchant(Original<int>(entry, nameof(ActionPlan.MerchantId)), Current<int>(entry, nameof(ActionPlan.MerchantId)));
                    break;
                case ActionPlanItem item:
                    if (item.PlanId > 0) planIds.Add(item.PlanId);
                    sync.AddActionDays(Original<DateTimeOffset?>(entry, nameof(ActionPlanItem.CompletedAt)), Original<DateOnly?>(entry, nameof(ActionPlanItem.DueDate)));
                    sync.AddActionDays(Current<DateTimeOffset?>(entry, nameof(ActionPlanItem.CompletedAt)), Current<DateOnly?>(entry, nameof(ActionPlanItem.DueDate)));
                    break;
            }
        }
        if (sessionIds.Count > 0 || planIds.Count > 0 || deletedMerchants.Count > 0)
            await sync.ReadStoredAsync(db, sessionIds, planIds, deletedMerchants, cancellationToken);
        // Refuses before the save on a provider the report SQL is not written for, so that nothing is written without its facts.
        if (!sync.IsEmpty) ReportSqlDialect.Of(db.Database);
        return sync;
    }

    private void AddMerchant(int original, int current)
    {
        if (original > 0) _merchants.Add(original);
        if (current > 0) _merchants.Add(current);
    }

    private void AddActionDays(DateTimeOffset? completedAt, DateOnly? dueDate)
    {
        if (completedAt is { } done) _actionDays.Add(Day(done));
        if (dueDate is { } due) _actionDays.Add(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>What the database holds before the save: the participants and days of touched sessions, the merchants
    /// of touched plans, the action days of deleted merchants (their plans go with them).</summary>
    private async Task ReadStoredAsync(CoachingDbContext db, HashSet<int> sessionIds, HashSet<int> planIds, List<int> deletedMerchants, CancellationToken cancellationToken)
    {
        var d = ReportSqlDialect.Of(db.Database);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ReadAsync(db, connection, d.Finish($"""
                SELECT 's', s.ClubId, {d.ParisDay("s.StartsAt")} FROM CoachingSessions s WHERE s.Id IN ({d.IdSet("@sessions")})
                UNION ALL SELECT 'm', sm.MerchantId, NULL FROM SessionMerchants sm WHERE sm.SessionId IN ({d.IdSet("@sessions")})
                UNION ALL SELECT 'm', pl.MerchantId, NULL FROM ActionPlans pl WHERE pl.Id IN ({d.IdSet("@plans")})
                UNION ALL SELECT 'a', 0, {d.ParisDay("i.CompletedAt")} FROM ActionPlans pl JOIN ActionPlanItems i ON i.PlanId = pl.Id
                 WHERE pl.MerchantId IN ({d.IdSet("@merchants")}) AND i.CompletedAt IS NOT NULL
                UNION ALL SELECT 'a', 0, {d.DateText("i.DueDate")} FROM ActionPlans pl JOIN ActionPlanItems i ON i.PlanId = pl.Id
                 WHERE pl.MerchantId IN ({d.IdSet("@merchants")}) AND i.DueDate IS NOT NULL
                """),
                [("@sessions", JsonSerializer.Serialize(sessionIds)), ("@plans", JsonSerializer.Serialize(planIds)), ("@merchants", JsonSerializer.Serialize(deletedMerchants))],
                cancellationToken);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ReadAsync(CoachingDbContext db, DbConnection connection, string sql, (string, object)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(db, connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetString(0))
            {
                case "s": _sessionDays.Add((reader.GetInt32(1), reader.GetString(2))); break;
                case "m": _merchants.Add(reader.GetInt32(1)); break;
                default: _actionDays.Add(reader.GetString(2)); break;
            }
        }
    }

    private static DbCommand Command(CoachingDbContext db, DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>
    /// On PostgreSQL, one facts refresh at a time until commit. Each refresh deletes a day's totals and recomputes them
    /// from the committed rows: two saves touching the same day at once would both insert its row (23505 on the primary
    /// key, seen under the load scenario) or sum without the other's rows. SQLite has one writer at a time already. Taken
    /// first in the save's transaction, before any row is written, so that two saves cannot wait on each other.
    /// </summary>
    public static async Task LockAsync(CoachingDbContext db, CancellationToken cancellationToken)
    {
        if (ReportSqlDialect.Of(db.Database).IsPostgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({FactsLockKey})", cancellationToken);
    }

    /// <summary>The application's advisory lock number for the facts refresh (any constant other locks do not use).</summary>
    private const long FactsLockKey = 0x436F616368_01;

    /// <summary>Recomputes what was collected; call after the save, inside its transaction.</summary>
    public async Task ApplyAsync(CoachingDbContext db, CancellationToken cancellationToken)
    {
        var d = ReportSqlDialect.Of(db.Database);
        foreach (var merchant in _addedMerchants) _merchants.Add(merchant.Id);
        foreach (var session in _addedSessions) _sessionDays.Add((session.ClubId, Day(session.StartsAt)));
        var connection = db.Database.GetDbConnection();
        async Task Run(string sql, params (string, object)[] parameters)
        {
            await using var command = Command(db, connection, sql, parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        async Task<HashSet<(int Club, string Day)>> ReadDaysAsync(string sql, string ids)
        {
            var days = new HashSet<(int, string)>();
            await using var command = Command(db, connection, sql, [("@ids", ids)]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) days.Add((reader.GetInt32(0), reader.GetString(1)));
            return days;
        }
        if (_merchants.Count > 0)
        {
            // The progress totals are keyed by the day of each merchant's last diagnostic: before and after the refresh.
            var ids = JsonSerializer.Serialize(_merchants);
            var progressDaysSql = d.Finish($"SELECT m.ClubId, {d.ParisDay("m.LastDiagnosticAt")} FROM ReportMerchantFacts m " +
                $"WHERE m.MerchantId IN ({d.IdSet("@ids")}) AND m.LastDiagnosticAt IS NOT NULL");
            var progressDays = await ReadDaysAsync(progressDaysSql, ids);
            await Run(ReportFactsSql.RefreshMerchants(d, d.IdSet("@ids")), ("@ids", ids));
            progressDays.UnionWith(await ReadDaysAsync(progressDaysSql, ids));
            foreach (var club in progressDays.GroupBy(d => d.Club))
                await Run(ReportFactsSql.RefreshProgressDays(d, all: false), ("@club", club.Key), ("@days", JsonSerializer.Serialize(club.Select(d => d.Day))));
        }
        foreach (var club in _sessionDays.GroupBy(d => d.Club))
            await Run(ReportFactsSql.RefreshSessionDays(d, all: false), ("@club", club.Key), ("@days", JsonSerializer.Serialize(club.Select(d => d.Day))));
        if (_actionDays.Count > 0)
            await Run(ReportFactsSql.RefreshActionDays(d, all: false), ("@days", JsonSerializer.Serialize(_actionDays)));
    }

    /// <summary>Rebuilds every fact from the raw tables (after bulk writes, `copy-database`, or `rebuild-report-facts`).</summary>
    public static async Task RebuildAsync(CoachingDbContext db, CancellationToken cancellationToken = default)
    {
        var dialect = ReportSqlDialect.Of(db.Database);
        var sql = (dialect.IsPostgres ? $"SELECT pg_advisory_xact_lock({FactsLockKey});\n" : "") + ReportFactsSql.RebuildAll(dialect);
        // On PostgreSQL a large club takes longer than EF's default 30 s command timeout (SQLite's only bounds lock waits).
        var timeout = db.Database.GetCommandTimeout();
        if (dialect.IsPostgres) db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }
}
