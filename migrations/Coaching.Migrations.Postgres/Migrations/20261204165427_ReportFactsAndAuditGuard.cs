using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Migrations.Postgres.Migrations
{
    /// <summary>
    /// PostgreSQL's version of the raw SQL the SQLite ReportFacts and AuditAndPrivacy migrations hold (the model does not
    /// change): the club reports' fact tables (see Coaching.Core.Reports.ReportFactsSql), filled from the existing rows,
    /// and the append-only guard of AuditEntries (20261204165427_ReportFactsAndAuditGuard.Sql.cs).
    /// </summary>
    public partial class ReportFactsAndAuditGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateReportFactTables);
            migrationBuilder.Sql(FillReportFacts);
            migrationBuilder.Sql(CreateAuditGuard);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "AuditEntries_NoEarlyDelete" ON "AuditEntries";
                DROP TRIGGER "AuditEntries_NoUpdate" ON "AuditEntries";
                DROP FUNCTION "AuditEntries_AppendOnly"();
                DROP TABLE "ReportDailyTotals"; DROP TABLE "ReportAxes"; DROP TABLE "ReportAssessmentFacts"; DROP TABLE "ReportMerchantFacts";
                """);
        }
    }
}
