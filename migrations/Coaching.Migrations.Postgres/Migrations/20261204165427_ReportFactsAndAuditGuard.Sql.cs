namespace Coaching.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The SQL of the ReportFactsAndAuditGuard migration. The report facts part is frozen as
    /// <c>ReportFactsSql.CreateTables(ReportSqlDialect.Postgres)</c> and <c>RebuildAll(ReportSqlDialect.Postgres)</c>
    /// wrote it when the migration was made: later changes to the facts need a migration of their own, this one must not move.
    /// The audit guard mirrors the SQLite triggers of AuditAndPrivacy: no UPDATE of an entry, no DELETE of an entry younger
    /// than 6 months (the purge job only deletes entries older than its retention, 6 to 12 months).
    /// </summary>
    public partial class ReportFactsAndAuditGuard
    {
        private const string CreateReportFactTables = """
            CREATE TABLE "ReportMerchantFacts" (
                "MerchantId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Merchants" ("Id") ON DELETE CASCADE,
                "ClubId" INTEGER NOT NULL,
                "AssignedAdvisorId" TEXT NULL,
                "DepartmentCode" TEXT NOT NULL,
                "CommuneCode" TEXT NOT NULL,
                "Sector" INTEGER NOT NULL,
                "Status" INTEGER NOT NULL,
                "ManagerAgeBand" INTEGER NOT NULL,
                "CreatedAt" timestamptz NOT NULL,
                "FirstSessionAt" timestamptz NULL,
                "LastSessionAt" timestamptz NULL,
                "DiagnosticCount" INTEGER NOT NULL,
                "FirstDiagnosticId" INTEGER NULL,
                "FirstDiagnosticAt" timestamptz NULL,
                "LastDiagnosticId" INTEGER NULL,
                "LastDiagnosticAt" timestamptz NULL,
                "ActionCount" INTEGER NOT NULL);
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_Status_Sector_DepartmentCode_CreatedAt" ON "ReportMerchantFacts" ("ClubId", "Status", "Sector", "DepartmentCode", "CreatedAt");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_DepartmentCode_Sector" ON "ReportMerchantFacts" ("ClubId", "DepartmentCode", "Sector");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_Sector" ON "ReportMerchantFacts" ("ClubId", "Sector");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_AssignedAdvisorId" ON "ReportMerchantFacts" ("ClubId", "AssignedAdvisorId");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_CreatedAt" ON "ReportMerchantFacts" ("ClubId", "CreatedAt");
            CREATE TABLE "ReportAssessmentFacts" (
                "AssessmentId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Assessments" ("Id") ON DELETE CASCADE,
                "MerchantId" INTEGER NOT NULL,
                "ClubId" INTEGER NOT NULL,
                "CompletedAt" timestamptz NOT NULL,
                "Ordinal" INTEGER NOT NULL,
                "OverallScore" double precision NULL,
                "LevelName" TEXT NULL,
                "Indicator0" INTEGER NOT NULL,
                "Indicator1" INTEGER NOT NULL,
                "Indicator2" INTEGER NOT NULL,
                "Indicator3" INTEGER NOT NULL,
                "SessionMinutesBefore" INTEGER NOT NULL,
                "Axis0" double precision NULL,
                "Axis1" double precision NULL,
                "Axis2" double precision NULL,
                "Axis3" double precision NULL,
                "Axis4" double precision NULL,
                "Axis5" double precision NULL,
                "Axis6" double precision NULL,
                "Axis7" double precision NULL,
                "Axis8" double precision NULL,
                "Axis9" double precision NULL,
                "Axis10" double precision NULL,
                "Axis11" double precision NULL,
                "Axis12" double precision NULL,
                "Axis13" double precision NULL,
                "Axis14" double precision NULL,
                "Axis15" double precision NULL);
            CREATE INDEX "IX_ReportAssessmentFacts_MerchantId_CompletedAt" ON "ReportAssessmentFacts" ("MerchantId", "CompletedAt");
            CREATE INDEX "IX_ReportAssessmentFacts_ClubId_CompletedAt" ON "ReportAssessmentFacts" ("ClubId", "CompletedAt");
            CREATE TABLE "ReportAxes" (
                "Slot" INTEGER NOT NULL PRIMARY KEY CHECK ("Slot" >= 0 AND "Slot" < 16),
                "AxisCode" TEXT NOT NULL UNIQUE,
                "AxisTitle" TEXT NOT NULL,
                "Position" INTEGER NOT NULL);
            CREATE TABLE "ReportDailyTotals" (
                "ClubId" INTEGER NOT NULL,
                "Kind" text COLLATE "C" NOT NULL,
                "Day" text COLLATE "C" NOT NULL,
                "Key" text COLLATE "C" NOT NULL,
                N INTEGER NOT NULL,
                A double precision NULL,
                B double precision NULL,
                PRIMARY KEY ("ClubId", "Kind", "Day", "Key"));
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_LastDiagnosticAt" ON "ReportMerchantFacts" ("ClubId", "LastDiagnosticAt");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_FirstDiagnosticAt" ON "ReportMerchantFacts" ("ClubId", "FirstDiagnosticAt");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_FirstSessionAt_CreatedAt" ON "ReportMerchantFacts" ("ClubId", "FirstSessionAt", "CreatedAt");
            CREATE INDEX "IX_ReportMerchantFacts_ClubId_LastSessionAt_FirstSessionAt" ON "ReportMerchantFacts" ("ClubId", "LastSessionAt", "FirstSessionAt");
            """;

        private const string FillReportFacts = """
            DELETE FROM "ReportAxes";
            INSERT INTO "ReportAxes" ("Slot", "AxisCode", "AxisTitle", "Position")
            SELECT (SELECT COALESCE(MAX("Slot"), -1) FROM "ReportAxes") + ROW_NUMBER() OVER (ORDER BY n."AxisCode"), n."AxisCode", n."AxisTitle", n."Position"
              FROM (SELECT s."AxisCode", MAX(s."AxisTitle") AS "AxisTitle", MIN(s."Position") AS "Position" FROM "AssessmentAxisScores" s
                     WHERE s."AssessmentId" IN (SELECT a."Id" FROM "Assessments" a WHERE TRUE AND a."Status" = 1 AND a."CompletedAt" IS NOT NULL) AND s."AxisCode" NOT IN (SELECT "AxisCode" FROM "ReportAxes")
                     GROUP BY s."AxisCode") n;
            DELETE FROM "ReportAssessmentFacts" WHERE TRUE;
            INSERT INTO "ReportAssessmentFacts" ("AssessmentId", "MerchantId", "ClubId", "CompletedAt", "Ordinal", "OverallScore", "LevelName",
                "Indicator0", "Indicator1", "Indicator2", "Indicator3", "SessionMinutesBefore", "Axis0", "Axis1", "Axis2", "Axis3", "Axis4", "Axis5", "Axis6", "Axis7", "Axis8", "Axis9", "Axis10", "Axis11", "Axis12", "Axis13", "Axis14", "Axis15")
            SELECT a."Id", a."MerchantId", m."ClubId", a."CompletedAt", ROW_NUMBER() OVER (PARTITION BY a."MerchantId" ORDER BY a."CompletedAt", a."Id"),
                a."OverallScore", a."LevelName",
              CAST(EXISTS (SELECT 1 FROM "AssessmentAnswers" q WHERE q."AssessmentId" = a."Id" AND q."QuestionCode" = 'customer_file' AND q."OptionCodes" IN ('file', 'segmented')) AS integer),
              CAST(EXISTS (SELECT 1 FROM "AssessmentAnswers" q WHERE q."AssessmentId" = a."Id" AND q."QuestionCode" = 'click_and_collect' AND q."OptionCodes" IN ('yes')) AS integer),
              CAST(EXISTS (SELECT 1 FROM "AssessmentAnswers" q WHERE q."AssessmentId" = a."Id" AND q."QuestionCode" = 'remote_orders' AND q."OptionCodes" IN ('online')) AS integer),
              CAST(EXISTS (SELECT 1 FROM "AssessmentAnswers" q WHERE q."AssessmentId" = a."Id" AND q."QuestionCode" = 'gbp_claimed' AND q."OptionCodes" IN ('claimed')) AS integer),
                (SELECT COALESCE(SUM(s."DurationMinutes"), 0) FROM "SessionMerchants" sm JOIN "CoachingSessions" s ON s."Id" = sm."SessionId"
                  WHERE sm."MerchantId" = a."MerchantId" AND s."StartsAt" < a."CompletedAt"), x."Axis0", x."Axis1", x."Axis2", x."Axis3", x."Axis4", x."Axis5", x."Axis6", x."Axis7", x."Axis8", x."Axis9", x."Axis10", x."Axis11", x."Axis12", x."Axis13", x."Axis14", x."Axis15"
              FROM "Assessments" a JOIN "Merchants" m ON m."Id" = a."MerchantId"
              LEFT JOIN (SELECT s."AssessmentId", MAX(CASE WHEN r."Slot" = 0 THEN s."Score" END) AS "Axis0", MAX(CASE WHEN r."Slot" = 1 THEN s."Score" END) AS "Axis1", MAX(CASE WHEN r."Slot" = 2 THEN s."Score" END) AS "Axis2", MAX(CASE WHEN r."Slot" = 3 THEN s."Score" END) AS "Axis3", MAX(CASE WHEN r."Slot" = 4 THEN s."Score" END) AS "Axis4", MAX(CASE WHEN r."Slot" = 5 THEN s."Score" END) AS "Axis5", MAX(CASE WHEN r."Slot" = 6 THEN s."Score" END) AS "Axis6", MAX(CASE WHEN r."Slot" = 7 THEN s."Score" END) AS "Axis7", MAX(CASE WHEN r."Slot" = 8 THEN s."Score" END) AS "Axis8", MAX(CASE WHEN r."Slot" = 9 THEN s."Score" END) AS "Axis9", MAX(CASE WHEN r."Slot" = 10 THEN s."Score" END) AS "Axis10", MAX(CASE WHEN r."Slot" = 11 THEN s."Score" END) AS "Axis11", MAX(CASE WHEN r."Slot" = 12 THEN s."Score" END) AS "Axis12", MAX(CASE WHEN r."Slot" = 13 THEN s."Score" END) AS "Axis13", MAX(CASE WHEN r."Slot" = 14 THEN s."Score" END) AS "Axis14", MAX(CASE WHEN r."Slot" = 15 THEN s."Score" END) AS "Axis15" FROM "AssessmentAxisScores" s JOIN "ReportAxes" r ON r."AxisCode" = s."AxisCode"
                          WHERE s."AssessmentId" IN (SELECT a."Id" FROM "Assessments" a WHERE TRUE AND a."Status" = 1 AND a."CompletedAt" IS NOT NULL) GROUP BY s."AssessmentId") x ON x."AssessmentId" = a."Id"
             WHERE TRUE AND a."Status" = 1 AND a."CompletedAt" IS NOT NULL;
            DELETE FROM "ReportMerchantFacts" WHERE TRUE;
            INSERT INTO "ReportMerchantFacts" ("MerchantId", "ClubId", "AssignedAdvisorId", "DepartmentCode", "CommuneCode", "Sector", "Status", "ManagerAgeBand",
                "CreatedAt", "FirstSessionAt", "LastSessionAt", "DiagnosticCount", "FirstDiagnosticId", "FirstDiagnosticAt", "LastDiagnosticId", "LastDiagnosticAt", "ActionCount")
            SELECT m."Id", m."ClubId", m."AssignedAdvisorId", m."DepartmentCode", m."CommuneCode", m."Sector", m."Status", m."ManagerAgeBand", m."CreatedAt",
                ss."FirstAt", ss."LastAt", COALESCE(d.N, 0), fd."AssessmentId", fd."CompletedAt", ld."AssessmentId", ld."CompletedAt",
                (SELECT COUNT(*) FROM "ActionPlans" pl JOIN "ActionPlanItems" i ON i."PlanId" = pl."Id" WHERE pl."MerchantId" = m."Id")
              FROM "Merchants" m
              LEFT JOIN (SELECT sm."MerchantId", MIN(s."StartsAt") AS "FirstAt", MAX(s."StartsAt") AS "LastAt"
                           FROM "SessionMerchants" sm JOIN "CoachingSessions" s ON s."Id" = sm."SessionId" WHERE TRUE GROUP BY sm."MerchantId") ss
                ON ss."MerchantId" = m."Id"
              LEFT JOIN (SELECT f."MerchantId", COUNT(*) AS N FROM "ReportAssessmentFacts" f WHERE TRUE GROUP BY f."MerchantId") d ON d."MerchantId" = m."Id"
              LEFT JOIN "ReportAssessmentFacts" fd ON fd."MerchantId" = m."Id" AND fd."Ordinal" = 1
              LEFT JOIN "ReportAssessmentFacts" ld ON ld."MerchantId" = m."Id" AND ld."Ordinal" = d.N
             WHERE TRUE;DELETE FROM "ReportDailyTotals" WHERE "Kind" = 'advisor_month';
            INSERT INTO "ReportDailyTotals" ("ClubId", "Kind", "Day", "Key", N, A, B)
            SELECT s."ClubId", 'advisor_month', substr(to_char(s."StartsAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), 1, 7), sa."AdvisorId", COUNT(*), SUM(s."DurationMinutes"), NULL
              FROM "CoachingSessions" s JOIN "SessionAdvisors" sa ON sa."SessionId" = s."Id" GROUP BY s."ClubId", 3, sa."AdvisorId";
            DELETE FROM "ReportDailyTotals" WHERE "Kind" IN ('mode', 'advisor');
            INSERT INTO "ReportDailyTotals" ("ClubId", "Kind", "Day", "Key", N, A, B)
            SELECT s."ClubId", 'mode', to_char(s."StartsAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), CAST(s."Mode" AS TEXT), COUNT(*), SUM(s."DurationMinutes"), NULL
              FROM "CoachingSessions" s GROUP BY s."ClubId", 3, s."Mode";
            INSERT INTO "ReportDailyTotals" ("ClubId", "Kind", "Day", "Key", N, A, B)
            SELECT s."ClubId", 'advisor', to_char(s."StartsAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), sa."AdvisorId", COUNT(*), SUM(s."DurationMinutes"), NULL
              FROM "CoachingSessions" s JOIN "SessionAdvisors" sa ON sa."SessionId" = s."Id" GROUP BY s."ClubId", 3, sa."AdvisorId";DELETE FROM "ReportDailyTotals" WHERE "Kind" IN ('done', 'due');
            INSERT INTO "ReportDailyTotals" ("ClubId", "Kind", "Day", "Key", N, A, B)
            SELECT m."ClubId", 'done', to_char(i."CompletedAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), '', COUNT(*), NULL, NULL
              FROM "ActionPlanItems" i JOIN "ActionPlans" pl ON pl."Id" = i."PlanId" JOIN "Merchants" m ON m."Id" = pl."MerchantId"
             WHERE i."Status" = 2 AND i."CompletedAt" IS NOT NULL GROUP BY m."ClubId", 3;
            INSERT INTO "ReportDailyTotals" ("ClubId", "Kind", "Day", "Key", N, A, B)
            SELECT m."ClubId", 'due', to_char(i."DueDate", 'YYYY-MM-DD'), '', COUNT(*), NULL, NULL
              FROM "ActionPlanItems" i JOIN "ActionPlans" pl ON pl."Id" = i."PlanId" JOIN "Merchants" m ON m."Id" = pl."MerchantId"
             WHERE i."Status" IN (0, 1) AND i."DueDate" IS NOT NULL GROUP BY m."ClubId", i."DueDate";DELETE FROM "ReportDailyTotals" WHERE "Kind" IN ('progress', 'overall', 'hours', 'indicator', 'axis', 'level_first', 'level_latest');
            INSERT INTO "ReportDailyTotals" ("ClubId", "Kind", "Day", "Key", N, A, B)
            WITH sums AS MATERIALIZED (
              SELECT m."ClubId" || '|' || to_char(m."LastDiagnosticAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS G, COUNT(*) AS N,
                SUM(CAST(fa."OverallScore" IS NOT NULL AND la."OverallScore" IS NOT NULL AS integer)) AS "BothN",
                SUM(CASE WHEN la."OverallScore" IS NOT NULL THEN fa."OverallScore" END) AS "FirstSum",
                SUM(CASE WHEN fa."OverallScore" IS NOT NULL THEN la."OverallScore" END) AS "LatestSum",
                SUM(CASE WHEN fa."OverallScore" IS NOT NULL AND la."OverallScore" IS NOT NULL THEN la."SessionMinutesBefore" END) AS "Minutes",
                SUM(la."OverallScore" - fa."OverallScore") AS "Gain", SUM(fa."Indicator0") AS FI0, SUM(la."Indicator0") AS LI0, SUM(fa."Indicator1") AS FI1, SUM(la."Indicator1") AS LI1, SUM(fa."Indicator2") AS FI2, SUM(la."Indicator2") AS LI2, SUM(fa."Indicator3") AS FI3, SUM(la."Indicator3") AS LI3, SUM(CAST(fa."Axis0" IS NOT NULL AND la."Axis0" IS NOT NULL AS integer)) AS N0, SUM(CASE WHEN la."Axis0" IS NOT NULL THEN fa."Axis0" END) AS F0, SUM(CASE WHEN fa."Axis0" IS NOT NULL THEN la."Axis0" END) AS L0, SUM(CAST(fa."Axis1" IS NOT NULL AND la."Axis1" IS NOT NULL AS integer)) AS N1, SUM(CASE WHEN la."Axis1" IS NOT NULL THEN fa."Axis1" END) AS F1, SUM(CASE WHEN fa."Axis1" IS NOT NULL THEN la."Axis1" END) AS L1, SUM(CAST(fa."Axis2" IS NOT NULL AND la."Axis2" IS NOT NULL AS integer)) AS N2, SUM(CASE WHEN la."Axis2" IS NOT NULL THEN fa."Axis2" END) AS F2, SUM(CASE WHEN fa."Axis2" IS NOT NULL THEN la."Axis2" END) AS L2, SUM(CAST(fa."Axis3" IS NOT NULL AND la."Axis3" IS NOT NULL AS integer)) AS N3, SUM(CASE WHEN la."Axis3" IS NOT NULL THEN fa."Axis3" END) AS F3, SUM(CASE WHEN fa."Axis3" IS NOT NULL THEN la."Axis3" END) AS L3, SUM(CAST(fa."Axis4" IS NOT NULL AND la."Axis4" IS NOT NULL AS integer)) AS N4, SUM(CASE WHEN la."Axis4" IS NOT NULL THEN fa."Axis4" END) AS F4, SUM(CASE WHEN fa."Axis4" IS NOT NULL THEN la."Axis4" END) AS L4, SUM(CAST(fa."Axis5" IS NOT NULL AND la."Axis5" IS NOT NULL AS integer)) AS N5, SUM(CASE WHEN la."Axis5" IS NOT NULL THEN fa."Axis5" END) AS F5, SUM(CASE WHEN fa."Axis5" IS NOT NULL THEN la."Axis5" END) AS L5, SUM(CAST(fa."Axis6" IS NOT NULL AND la."Axis6" IS NOT NULL AS integer)) AS N6, SUM(CASE WHEN la."Axis6" IS NOT NULL THEN fa."Axis6" END) AS F6, SUM(CASE WHEN fa."Axis6" IS NOT NULL THEN la."Axis6" END) AS L6, SUM(CAST(fa."Axis7" IS NOT NULL AND la."Axis7" IS NOT NULL AS integer)) AS N7, SUM(CASE WHEN la."Axis7" IS NOT NULL THEN fa."Axis7" END) AS F7, SUM(CASE WHEN fa."Axis7" IS NOT NULL THEN la."Axis7" END) AS L7, SUM(CAST(fa."Axis8" IS NOT NULL AND la."Axis8" IS NOT NULL AS integer)) AS N8, SUM(CASE WHEN la."Axis8" IS NOT NULL THEN fa."Axis8" END) AS F8, SUM(CASE WHEN fa."Axis8" IS NOT NULL THEN la."Axis8" END) AS L8, SUM(CAST(fa."Axis9" IS NOT NULL AND la."Axis9" IS NOT NULL AS integer)) AS N9, SUM(CASE WHEN la."Axis9" IS NOT NULL THEN fa."Axis9" END) AS F9, SUM(CASE WHEN fa."Axis9" IS NOT NULL THEN la."Axis9" END) AS L9, SUM(CAST(fa."Axis10" IS NOT NULL AND la."Axis10" IS NOT NULL AS integer)) AS N10, SUM(CASE WHEN la."Axis10" IS NOT NULL THEN fa."Axis10" END) AS F10, SUM(CASE WHEN fa."Axis10" IS NOT NULL THEN la."Axis10" END) AS L10, SUM(CAST(fa."Axis11" IS NOT NULL AND la."Axis11" IS NOT NULL AS integer)) AS N11, SUM(CASE WHEN la."Axis11" IS NOT NULL THEN fa."Axis11" END) AS F11, SUM(CASE WHEN fa."Axis11" IS NOT NULL THEN la."Axis11" END) AS L11, SUM(CAST(fa."Axis12" IS NOT NULL AND la."Axis12" IS NOT NULL AS integer)) AS N12, SUM(CASE WHEN la."Axis12" IS NOT NULL THEN fa."Axis12" END) AS F12, SUM(CASE WHEN fa."Axis12" IS NOT NULL THEN la."Axis12" END) AS L12, SUM(CAST(fa."Axis13" IS NOT NULL AND la."Axis13" IS NOT NULL AS integer)) AS N13, SUM(CASE WHEN la."Axis13" IS NOT NULL THEN fa."Axis13" END) AS F13, SUM(CASE WHEN fa."Axis13" IS NOT NULL THEN la."Axis13" END) AS L13, SUM(CAST(fa."Axis14" IS NOT NULL AND la."Axis14" IS NOT NULL AS integer)) AS N14, SUM(CASE WHEN la."Axis14" IS NOT NULL THEN fa."Axis14" END) AS F14, SUM(CASE WHEN fa."Axis14" IS NOT NULL THEN la."Axis14" END) AS L14, SUM(CAST(fa."Axis15" IS NOT NULL AND la."Axis15" IS NOT NULL AS integer)) AS N15, SUM(CASE WHEN la."Axis15" IS NOT NULL THEN fa."Axis15" END) AS F15, SUM(CASE WHEN fa."Axis15" IS NOT NULL THEN la."Axis15" END) AS L15
                FROM "ReportMerchantFacts" m JOIN "ReportAssessmentFacts" fa ON fa."AssessmentId" = m."FirstDiagnosticId" JOIN "ReportAssessmentFacts" la ON la."AssessmentId" = m."LastDiagnosticId" WHERE m."DiagnosticCount" >= 2 GROUP BY m."ClubId" || '|' || to_char(m."LastDiagnosticAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD')),
            levels AS MATERIALIZED (
              SELECT m."ClubId" || '|' || to_char(m."LastDiagnosticAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS G, 'level_first' AS "Kind", COALESCE(fa."LevelName", '') AS "Key", COUNT(*) AS N, MIN(fa."OverallScore") AS A
                FROM "ReportMerchantFacts" m JOIN "ReportAssessmentFacts" fa ON fa."AssessmentId" = m."FirstDiagnosticId" JOIN "ReportAssessmentFacts" la ON la."AssessmentId" = m."LastDiagnosticId" WHERE m."DiagnosticCount" >= 2 GROUP BY m."ClubId" || '|' || to_char(m."LastDiagnosticAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), fa."LevelName"
              UNION ALL SELECT m."ClubId" || '|' || to_char(m."LastDiagnosticAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), 'level_latest', COALESCE(la."LevelName", ''), COUNT(*), MIN(la."OverallScore")
                FROM "ReportMerchantFacts" m JOIN "ReportAssessmentFacts" fa ON fa."AssessmentId" = m."FirstDiagnosticId" JOIN "ReportAssessmentFacts" la ON la."AssessmentId" = m."LastDiagnosticId" WHERE m."DiagnosticCount" >= 2 GROUP BY m."ClubId" || '|' || to_char(m."LastDiagnosticAt" AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'), la."LevelName"),
            progress(G, "Kind", "Key", N, A, B) AS (
              SELECT s.G, 'progress', '', s.N, NULL, NULL FROM sums s
              UNION ALL SELECT s.G, 'overall', '', s."BothN", s."FirstSum", s."LatestSum" FROM sums s
              UNION ALL SELECT s.G, 'hours', '', s."BothN", s."Minutes", s."Gain" FROM sums s
              UNION ALL SELECT s.G, 'indicator', CAST(k.value AS TEXT), s.N, CASE k.value WHEN 0 THEN s.FI0 WHEN 1 THEN s.FI1 WHEN 2 THEN s.FI2 WHEN 3 THEN s.FI3 END, CASE k.value WHEN 0 THEN s.LI0 WHEN 1 THEN s.LI1 WHEN 2 THEN s.LI2 WHEN 3 THEN s.LI3 END FROM sums s, unnest(ARRAY[0,1,2,3]) AS k(value)
              UNION ALL SELECT * FROM (SELECT s.G, 'axis', CAST(k.value AS TEXT), CASE k.value WHEN 0 THEN s.N0 WHEN 1 THEN s.N1 WHEN 2 THEN s.N2 WHEN 3 THEN s.N3 WHEN 4 THEN s.N4 WHEN 5 THEN s.N5 WHEN 6 THEN s.N6 WHEN 7 THEN s.N7 WHEN 8 THEN s.N8 WHEN 9 THEN s.N9 WHEN 10 THEN s.N10 WHEN 11 THEN s.N11 WHEN 12 THEN s.N12 WHEN 13 THEN s.N13 WHEN 14 THEN s.N14 WHEN 15 THEN s.N15 END AS N, CASE k.value WHEN 0 THEN s.F0 WHEN 1 THEN s.F1 WHEN 2 THEN s.F2 WHEN 3 THEN s.F3 WHEN 4 THEN s.F4 WHEN 5 THEN s.F5 WHEN 6 THEN s.F6 WHEN 7 THEN s.F7 WHEN 8 THEN s.F8 WHEN 9 THEN s.F9 WHEN 10 THEN s.F10 WHEN 11 THEN s.F11 WHEN 12 THEN s.F12 WHEN 13 THEN s.F13 WHEN 14 THEN s.F14 WHEN 15 THEN s.F15 END, CASE k.value WHEN 0 THEN s.L0 WHEN 1 THEN s.L1 WHEN 2 THEN s.L2 WHEN 3 THEN s.L3 WHEN 4 THEN s.L4 WHEN 5 THEN s.L5 WHEN 6 THEN s.L6 WHEN 7 THEN s.L7 WHEN 8 THEN s.L8 WHEN 9 THEN s.L9 WHEN 10 THEN s.L10 WHEN 11 THEN s.L11 WHEN 12 THEN s.L12 WHEN 13 THEN s.L13 WHEN 14 THEN s.L14 WHEN 15 THEN s.L15 END FROM sums s, unnest(ARRAY[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]) AS k(value)) a WHERE N > 0
              UNION ALL SELECT G, "Kind", "Key", N, A, NULL FROM levels)
            SELECT CAST(substr(G, 1, strpos(G, '|') - 1) AS INTEGER), "Kind", substr(G, strpos(G, '|') + 1), "Key", N, A, B FROM progress WHERE N > 0;ANALYZE "ReportMerchantFacts"; ANALYZE "ReportAssessmentFacts"; ANALYZE "ReportDailyTotals";
            """;

        private const string CreateAuditGuard = """
            CREATE FUNCTION "AuditEntries_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    RAISE EXCEPTION 'AuditEntries is append-only: entries cannot be modified';
                END IF;
                IF OLD."OccurredAt" > now() - interval '6 months' THEN
                    RAISE EXCEPTION 'AuditEntries is append-only: entries younger than 6 months cannot be deleted';
                END IF;
                RETURN OLD;
            END;
            $$;
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
            CREATE TRIGGER "AuditEntries_NoEarlyDelete" BEFORE DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
            """;
    }
}
