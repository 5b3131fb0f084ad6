using System.Diagnostics;
using System.Globalization;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Reports;
using Coaching.Core.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Commands;
using Coaching.Web.Hosting;

namespace Coaching.Web.Demo;

/// <summary>
/// Fills the configured SQLite database with a large synthetic club for load tests and benchmarks: merchants spread over
/// Nouvelle-Aquitaine and three years, about 3 completed diagnostics (frozen scores per axis and the answers the club
/// reports read), 8 sessions and 10 plan actions per merchant, and one advisor per 400 merchants. Rows are written with
/// prepared SQLite commands in one transaction (no change tracking). The demo accounts are created first when the
/// database is empty, so that one can sign in.
/// </summary>
public sealed class SyntheticClubGenerator(CoachingDbContext db, DemoSeeder demo, TimeProvider clock, ILogger<SyntheticClubGenerator> logger)
{
    private const string StoredDateTime = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    public const int MerchantsPerAdvisor = 400;

    private static readonly string[] Trades =
    [
        "10.71C", "47.24Z", "47.76Z", "56.10A", "56.30Z", "47.71Z", "47.72A", "47.61Z", "47.65Z", "96.02A",
        "96.02B", "47.22Z", "47.25Z", "47.11B", "47.52A", "95.23Z", "47.77Z", "55.10Z", "47.64Z", "47.59B",
    ];

    private static readonly string[] TradeNames =
    [
        "Boulangerie", "Pâtisserie", "Fleurs", "Restaurant", "Café", "Boutique", "Chaussures", "Librairie", "Jouets", "Salon",
        "Institut", "Boucherie", "Cave", "Épicerie", "Quincaillerie", "Cordonnerie", "Bijouterie", "Hôtel", "Sports", "Maison",
    ];

    public sealed record Result(int Merchants, int Advisors, long Assessments, long Sessions, long Actions, TimeSpan Elapsed);

    public async Task<Result> GenerateAsync(int merchantCount, int seed = 2026, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite()) throw new NotSupportedException("The synthetic club generator writes with SQLite commands: generate on SQLite, then copy-database.");
        var watch = Stopwatch.StartNew();
        await demo.SeedIfEmptyAsync();
        var club = await db.Clubs.OrderBy(c => c.Id).FirstAsync(cancellationToken);
        var questionnaire = await db.Questionnaires.AsNoTracking().Include(q => q.Axes).Include(q => q.Levels).AsSplitQuery()
            .Where(q => q.Status == QuestionnaireStatus.Published).OrderByDescending(q => q.PublishedAt).FirstAsync(cancellationToken);
        var axes = questionnaire.Axes.OrderBy(a => a.Position).ToList();
        var levels = questionnaire.Levels.OrderBy(l => l.MinScore).ToList();
        var actionCodes = await db.CatalogActions.AsNoTracking().Select(a => a.Code).OrderBy(c => c).ToListAsync(cancellationToken);
        var demoAdvisors = await db.Users.AsNoTracking()
            .Where(u => u.ClubId == club.Id && (u.Email == DemoAccounts.AdvisorA.Email || u.Email == DemoAccounts.AdvisorB.Email))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var advisorRoleId = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).SingleAsync(cancellationToken);

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var geography = FrenchGeography.Instance;
        var departments = geography.DepartmentsOf("75").Select(d => d.Code).ToList();
        var communes = departments.ToDictionary(d => d, d => geography.CommunesInDepartment(d).Take(40).ToList());
        var departmentWeights = departments.Select(d => (double)communes[d].Sum(c => c.Population)).ToArray();
        var advisorCount = Math.Max(1, merchantCount / MerchantsPerAdvisor) ;

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            Execute(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
            using var transaction = connection.BeginTransaction();
            long NextId(string table) => (long)(new SqliteCommand($"SELECT COALESCE(MAX(Id), 0) + 1 FROM {table}", connection, transaction).ExecuteScalar() ?? 1L);

            // Advisors: the two demo advisors plus synthetic ones, sharing one password hash (the demo password).
            var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), DemoAccounts.Password);
            var advisors = new List<(string Id, string Department)>();
            var insertUser = Prepare(connection, transaction,
                "INSERT INTO AspNetUsers (Id, DisplayName, ClubId, DepartmentCodes, IsActive, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) " +
                "VALUES ($id, $name, $club, $departments, 1, $created, $email, $normalized, $email, $normalized, 1, $hash, $stamp, $stamp, 0, 0, 1, 0)",
                "$id", "$name", "$club", "$departments", "$created", "$email", "$normalized", "$hash", "$stamp");
            var insertRole = Prepare(connection, transaction, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($user, $role)", "$user", "$role");
            var batch = Guid.NewGuid().ToString("N")[..6];
            for (var k = 0; k < advisorCount; k++)
            {
                var department = departments[k % departments.Count];
                var id = Guid.NewGuid().ToString();
                var email = $"conseiller-{batch}-{k + 1}@synthetique.local";
                Run(insertUser, id, $"Conseiller synthétique {k + 1}", club.Id, department, Stored(now), email, email.ToUpperInvariant(), hash, Guid.NewGuid().ToString("N"));
                Run(insertRole, id, advisorRoleId);
                advisors.Add((id, department));
            }
            foreach (var id in demoAdvisors) advisors.Add((id, ""));

            var insertMerchant = Prepare(connection, transaction,
                "INSERT INTO Merchants (Id, ClubId, BusinessName, Siret, NafCode, Sector, AddressLine, Postcode, CommuneCode, CommuneName, DepartmentCode, RegionCode, ContactName, Email, EmployeeBand, ManagerAgeBand, Channels, Status, AssignedAdvisorId, SearchText, CreatedAt, UpdatedAt, Version) " +
                "VALUES ($id, $club, $name, $siret, $naf, $sector, $address, $postcode, $commune, $communeName, $department, '75', $contact, $email, $employees, $age, $channels, $status, $advisor, $search, $created, $created, $version)",
                "$id", "$club", "$name", "$siret", "$naf", "$sector", "$address", "$postcode", "$commune", "$communeName", "$department", "$contact", "$email", "$employees", "$age", "$channels", "$status", "$advisor", "$search", "$created", "$version");
            var insertAssessment = Prepare(connection, transaction,
                "INSERT INTO Assessments (Id, MerchantId, QuestionnaireId, Kind, Status, StartedAt, UpdatedAt, CompletedAt, CompletedById, StartedById, OverallScore, LevelName, Version) " +
                "VALUES ($id, $merchant, $questionnaire, 0, 1, $started, $completed, $completed, $advisor, $advisor, $score, $level, $version)",
                "$id", "$merchant", "$questionnaire", "$started", "$completed", "$advisor", "$score", "$level", "$version");
            var insertAxis = Prepare(connection, transaction,
                "INSERT INTO AssessmentAxisScores (AssessmentId, AxisCode, AxisTitle, Position, Score) VALUES ($assessment, $code, $title, $position, $score)",
                "$assessment", "$code", "$title", "$position", "$score");
            var insertAnswer = Prepare(connection, transaction,
                "INSERT INTO AssessmentAnswers (AssessmentId, QuestionCode, OptionCodes, NotApplicable, AnsweredAt, AnsweredById, Version) VALUES ($assessment, $question, $options, 0, $at, $advisor, $version)",
                "$assessment", "$question", "$options", "$at", "$advisor", "$version");
            var insertSession = Prepare(connection, transaction,
                "INSERT INTO CoachingSessions (Id, ClubId, StartsAt, DurationMinutes, Mode, AxisCodes, CalendarUid, CalendarSequence, CreatedAt, CreatedById, UpdatedAt, Version) " +
                "VALUES ($id, $club, $starts, $duration, $mode, $axes, $uid, 0, $starts, $advisor, $starts, $version)",
                "$id", "$club", "$starts", "$duration", "$mode", "$axes", "$uid", "$advisor", "$version");
            var insertSessionMerchant = Prepare(connection, transaction, "INSERT INTO SessionMerchants (SessionId, MerchantId) VALUES ($session, $merchant)", "$session", "$merchant");
            var insertSessionAdvisor = Prepare(connection, transaction, "INSERT INTO SessionAdvisors (SessionId, AdvisorId) VALUES ($session, $advisor)", "$session", "$advisor");
            var insertPlan = Prepare(connection, transaction,
                "INSERT INTO ActionPlans (Id, MerchantId, CreatedAt, UpdatedAt, Version) VALUES ($id, $merchant, $created, $created, $version)",
                "$id", "$merchant", "$created", "$version");
            var insertItem = Prepare(connection, transaction,
                "INSERT INTO ActionPlanItems (PlanId, ActionCode, Position, DueDate, Owner, Status, CreatedAt, UpdatedAt, CompletedAt, Version) VALUES ($plan, $code, $position, $due, $owner, $status, $created, $updated, $completed, $version)",
                "$plan", "$code", "$position", "$due", "$owner", "$status", "$created", "$updated", "$completed", "$version");

            var merchantId = NextId("Merchants");
            var assessmentId = NextId("Assessments");
            var sessionId = NextId("CoachingSessions");
            var planId = NextId("ActionPlans");
            long assessments = 0, sessions = 0, actions = 0;
            var indicators = IndicatorQuestions.All;

            for (var i = 0; i < merchantCount; i++, merchantId++)
            {
                var department = departments[Pick(random, departmentWeights)];
                var commune = communes[department][Math.Min(communes[department].Count - 1, (int)(communes[department].Count * Math.Pow(random.NextDouble(), 2)))];
                var trade = random.Next(Trades.Length);
                var ageDays = random.NextDouble() * 3 * 365;
                var createdAt = now.AddDays(-ageDays).AddMinutes(-random.Next(0, 600));
                var status = ageDays < 60
                    ? (random.NextDouble() < 0.3 ? CaseStatus.Prospect : CaseStatus.Coaching)
                    : random.NextDouble() switch { < 0.05 => CaseStatus.Prospect, < 0.6 => CaseStatus.Coaching, < 0.87 => CaseStatus.Finished, _ => CaseStatus.Dropped };
                var sameDepartment = advisors.Where(a => a.Department == department).ToList();
                var advisor = random.NextDouble() < 0.05 ? null
                    : random.NextDouble() < 0.01 || sameDepartment.Count == 0 ? advisors[random.Next(advisors.Count)].Id
                    : sameDepartment[random.Next(sameDepartment.Count)].Id;
                var name = $"{TradeNames[trade]} n° {merchantId}";
                var siret = Siret(merchantId);
                Run(insertMerchant, merchantId, club.Id, name, siret, Trades[trade], (int)SectorFamilies.FromNaf(Trades[trade]),
                    $"{1 + random.Next(120)} rue du Commerce", commune.Postcodes[0], commune.InseeCode, commune.Name, department,
                    $"Gérant {merchantId}", $"commerce{merchantId}@synthetique.local", random.Next(6), 1 + random.Next(5),
                    random.Next(256), (int)status, advisor, FrenchGeography.Fold($"{name} Gérant {merchantId} {commune.Name} {siret}"),
                    Stored(createdAt), Guid.NewGuid().ToString().ToUpperInvariant());
                if (status == CaseStatus.Prospect) continue;

                // Coaching ends for finished and dropped files; nothing happens after that.
                var endAt = status is CaseStatus.Finished or CaseStatus.Dropped ? createdAt.AddDays(ageDays * (0.5 + random.NextDouble() * 0.5)) : now;
                var span = (endAt - createdAt).TotalDays;

                // Diagnostics: the first a few days after the first contact, then about every six months.
                var diagnosticCount = Math.Max(1, (int)Math.Round(span / 365 * 1.6 + random.NextDouble() * 1.6));
                var score = Math.Clamp(Normal(random, 34, 12), 3, 85);
                var answered = indicators.Select(_ => false).ToArray();
                for (var d = 0; d < diagnosticCount; d++, assessmentId++)
                {
                    var completed = createdAt.AddDays(d == 0 ? 3 + random.Next(20) : span * d / diagnosticCount + random.Next(10));
                    if (completed > now) completed = now.AddHours(-1);
                    if (d > 0) score = Math.Clamp(score + Normal(random, 8, 5), 0, 100);
                    var rounded = Math.Round(score, 1);
                    var level = levels.LastOrDefault(l => Math.Round(rounded, MidpointRounding.AwayFromZero) >= l.MinScore)?.Name;
                    Run(insertAssessment, assessmentId, merchantId, questionnaire.Id, Stored(completed.AddMinutes(-50)), Stored(completed), advisor, rounded, level,
                        Guid.NewGuid().ToString().ToUpperInvariant());
                    foreach (var axis in axes)
                        Run(insertAxis, assessmentId, axis.Code, axis.Title, axis.Position, Math.Round(Math.Clamp(score + Normal(random, 0, 12), 0, 100), 1));
                    for (var q = 0; q < indicators.Count; q++)
                    {
                        // Once in place a practice stays; the likelier the more mature the shop.
                        answered[q] = answered[q] || random.NextDouble() < score / 110;
                        Run(insertAnswer, assessmentId, indicators[q].QuestionCode, answered[q] ? indicators[q].Options[^1] : NoOption(indicators[q].QuestionCode),
                            Stored(completed.AddMinutes(-20)), advisor, Guid.NewGuid().ToString().ToUpperInvariant());
                    }
                    assessments++;
                }

                // Sessions: about 5 a year while the file is open.
                var sessionCount = Math.Max(1, (int)Math.Round(span / 365 * 5.3 * (0.5 + random.NextDouble())));
                for (var s = 0; s < sessionCount; s++, sessionId++)
                {
                    var startsAt = createdAt.AddDays(5 + random.NextDouble() * Math.Max(1, span - 5)).Date;
                    var at = new DateTimeOffset(startsAt, TimeSpan.Zero).AddHours(7 + random.Next(10)).AddMinutes(random.Next(4) * 15);
                    if (at > now) at = now.AddDays(-random.Next(1, 30));
                    var mode = random.NextDouble() switch { < 0.5 => SessionMode.InShop, < 0.7 => SessionMode.Phone, < 0.9 => SessionMode.Video, _ => SessionMode.GroupWorkshop };
                    var duration = mode == SessionMode.GroupWorkshop ? 120 + 30 * random.Next(3) : 30 + 15 * random.Next(7);
                    Run(insertSession, sessionId, club.Id, Stored(at), duration, (int)mode, axes[random.Next(axes.Count)].Code,
                        Guid.NewGuid().ToString().ToUpperInvariant(), advisor, Guid.NewGuid().ToString().ToUpperInvariant());
                    Run(insertSessionMerchant, sessionId, merchantId);
                    if (advisor is not null) Run(insertSessionAdvisor, sessionId, advisor);
                    sessions++;
                }

                // An action plan of about 10 actions.
                var planCreated = createdAt.AddDays(10 + random.Next(20));
                if (planCreated > now) planCreated = now.AddDays(-1);
                Run(insertPlan, planId, merchantId, Stored(planCreated), Guid.NewGuid().ToString().ToUpperInvariant());
                var itemCount = 6 + random.Next(9);
                var codes = actionCodes.OrderBy(_ => random.Next()).Take(itemCount).ToList();
                for (var k = 0; k < codes.Count; k++)
                {
                    var due = DateOnly.FromDateTime(planCreated.AddDays(15 + random.Next(Math.Max(16, (int)span))).UtcDateTime);
                    var itemStatus = random.NextDouble() switch { < 0.45 => 2, < 0.65 => 1, < 0.9 => 0, _ => 3 };
                    DateTimeOffset? completed = itemStatus == 2 ? planCreated.AddDays(random.NextDouble() * Math.Max(1, (endAt - planCreated).TotalDays)) : null;
                    if (completed > now) completed = now.AddHours(-2);
                    Run(insertItem, planId, codes[k], k + 1, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), random.Next(3), itemStatus,
                        Stored(planCreated), Stored(completed ?? planCreated), completed is { } c ? Stored(c) : null, Guid.NewGuid().ToString().ToUpperInvariant());
                    actions++;
                }
                planId++;
                if ((i + 1) % 20_000 == 0) logger.LogInformation("{Count} synthetic merchants written", i + 1);
            }
            // The bulk inserts bypass the change tracker: the report facts are rebuilt from the rows in one pass.
            Execute(connection, transaction, ReportFactsSql.RebuildAll(ReportSqlDialect.Sqlite));
            transaction.Commit();
            Execute(connection, null, "PRAGMA synchronous = FULL; ANALYZE;");
            return new Result(merchantCount, advisorCount, assessments, sessions, actions, watch.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string NoOption(string questionCode) => questionCode switch
    {
        "customer_file" => "scattered",
        "click_and_collect" => "no",
        "remote_orders" => "phone",
        "gbp_claimed" => "unclaimed",
        _ => "none",
    };

    private static string Stored(DateTimeOffset instant) => instant.UtcDateTime.ToString(StoredDateTime, CultureInfo.InvariantCulture);

    private static double Normal(Random random, double mean, double deviation) =>
        mean + deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0) return i;
        }
        return weights.Length - 1;
    }

    /// <summary>A SIRET of the synthetic range (starting 999), unique per merchant id, passing the Luhn check.</summary>
    private static string Siret(long merchantId)
    {
        var body = "999" + merchantId.ToString("D10", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(d => body + d.ToString(CultureInfo.InvariantCulture)).First(Coaching.Core.ReferenceData.Siret.PassesLuhn);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        foreach (var name in names) command.Parameters.Add(new SqliteParameter(name, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
