using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditAndPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAt",
                table: "Merchants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Merchants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EmailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetType = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MerchantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Given = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Merchants_MerchantId",
                        column: x => x.MerchantId,
                        principalTable: "Merchants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyOperations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MerchantId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyOperations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrivacyOperations_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorId_OccurredAt",
                table: "AuditEntries",
                columns: new[] { "ActorId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EmailHash",
                table: "AuditEntries",
                column: "EmailHash");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredAt",
                table: "AuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_TargetType_TargetId",
                table: "AuditEntries",
                columns: new[] { "TargetType", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_MerchantId_OccurredAt",
                table: "ConsentRecords",
                columns: new[] { "MerchantId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RecordedById",
                table: "ConsentRecords",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyOperations_ActorId",
                table: "PrivacyOperations",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyOperations_MerchantId",
                table: "PrivacyOperations",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyOperations_OccurredAt",
                table: "PrivacyOperations",
                column: "OccurredAt");

            // The audit trail is append-only in the database too: no UPDATE at all, and no DELETE of an entry younger
            // than the minimum retention (6 months), so that only the purge of expired entries can remove lines.
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
                BEGIN
                    SELECT RAISE(ABORT, 'AuditEntries is append-only: entries cannot be modified');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEntries_NoEarlyDelete BEFORE DELETE ON AuditEntries
                WHEN OLD.OccurredAt > strftime('%Y-%m-%d %H:%M:%S', 'now', '-6 months')
                BEGIN
                    SELECT RAISE(ABORT, 'AuditEntries is append-only: entries younger than 6 months cannot be deleted');
                END;
                """);

            // Closed files: the date of their last change of status, or of their last change at all.
            migrationBuilder.Sql("""
                UPDATE Merchants SET ClosedAt = COALESCE(
                    (SELECT MAX(e.OccurredAt) FROM CaseEvents e WHERE e.MerchantId = Merchants.Id AND e.Kind = 3),
                    UpdatedAt)
                WHERE Status IN (2, 3);
                """);

            // The consent already recorded on each case file starts its history.
            migrationBuilder.Sql("""
                INSERT INTO ConsentRecords (MerchantId, Purpose, Given, OccurredAt, RecordedById, Method)
                SELECT Id, 'accompagnement', 1, ConsentGivenAt, ConsentRecordedById, 0 FROM Merchants WHERE ConsentGivenAt IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoEarlyDelete;");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "PrivacyOperations");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Merchants");
        }
    }
}
