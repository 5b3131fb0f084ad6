using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClubReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionMerchants_MerchantId",
                table: "SessionMerchants");

            migrationBuilder.DropIndex(
                name: "IX_CoachingSessions_ClubId_StartsAt",
                table: "CoachingSessions");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMerchants_MerchantId_SessionId",
                table: "SessionMerchants",
                columns: new[] { "MerchantId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_ClubId_CreatedAt",
                table: "Merchants",
                columns: new[] { "ClubId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Merchants_ClubId_Sector",
                table: "Merchants",
                columns: new[] { "ClubId", "Sector" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSessions_ClubId_StartsAt_Mode_DurationMinutes",
                table: "CoachingSessions",
                columns: new[] { "ClubId", "StartsAt", "Mode", "DurationMinutes" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAxisScores_AssessmentId_AxisCode_Score",
                table: "AssessmentAxisScores",
                columns: new[] { "AssessmentId", "AxisCode", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlanItems_PlanId_Status_DueDate_CompletedAt",
                table: "ActionPlanItems",
                columns: new[] { "PlanId", "Status", "DueDate", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionMerchants_MerchantId_SessionId",
                table: "SessionMerchants");

            migrationBuilder.DropIndex(
                name: "IX_Merchants_ClubId_CreatedAt",
                table: "Merchants");

            migrationBuilder.DropIndex(
                name: "IX_Merchants_ClubId_Sector",
                table: "Merchants");

            migrationBuilder.DropIndex(
                name: "IX_CoachingSessions_ClubId_StartsAt_Mode_DurationMinutes",
                table: "CoachingSessions");

            migrationBuilder.DropIndex(
                name: "IX_AssessmentAxisScores_AssessmentId_AxisCode_Score",
                table: "AssessmentAxisScores");

            migrationBuilder.DropIndex(
                name: "IX_ActionPlanItems_PlanId_Status_DueDate_CompletedAt",
                table: "ActionPlanItems");

            migrationBuilder.CreateIndex(
                name: "IX_SessionMerchants_MerchantId",
                table: "SessionMerchants",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSessions_ClubId_StartsAt",
                table: "CoachingSessions",
                columns: new[] { "ClubId", "StartsAt" });
        }
    }
}
