using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Merchants_ClubId_CreatedAt",
                table: "Merchants");

            migrationBuilder.DropIndex(
                name: "IX_Merchants_ClubId_Sector",
                table: "Merchants");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentAxisScores_AssessmentId_AxisCode_Score",
                table: "AssessmentAxisScores");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_Status_CompletedAt",
                table: "ActionPlanItems",
                columns: new[] { "Status", "CompletedAt" });

            // The club reports' facts (raw SQL tables, not EF entities, see Coaching.Core.Reports.ReportFactsSql), filled
            // from the existing rows (20261128113207_ReportFacts.Sql.cs).
            migrationBuilder.Sql(CreateReportFactTables);
            migrationBuilder.Sql(FillReportFacts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ReportDailyTotals; DROP TABLE ReportAxes; DROP TABLE ReportAssessmentFacts; DROP TABLE ReportMerchantFacts;");

            migrationBuilder.DropIndex(
                name: "IX_ActionPlanItems_Status_CompletedAt",
                table: "ActionPlanItems");

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_ClubId_CreatedAt",
                table: "Merchants",
                columns: new[] { "ClubId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_ClubId_Sector",
                table: "Merchants",
                columns: new[] { "ClubId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAxisScores_AssessmentId_AxisCode_Score",
                table: "AssessmentAxisScores",
                columns: new[] { "AssessmentId", "AxisCode", "Score" });
        }
    }
}
