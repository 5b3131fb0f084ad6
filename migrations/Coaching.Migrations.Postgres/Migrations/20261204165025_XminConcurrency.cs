using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coaching.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class XminConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "JobLeases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CoachingSessions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Clubs");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CatalogActions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AssessmentAnswers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ActionPlans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ActionPlanItems");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Merchants",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "JobLeases",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "CoachingSessions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Clubs",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "CatalogActions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "Assessments",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "AssessmentAnswers",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "ActionPlans",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "ActionPlanItems",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Merchants");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "JobLeases");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "CoachingSessions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Clubs");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "CatalogActions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "AssessmentAnswers");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "ActionPlans");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "ActionPlanItems");

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Merchants",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "JobLeases",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "CoachingSessions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Clubs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "CatalogActions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Assessments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "AssessmentAnswers",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ActionPlans",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ActionPlanItems",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }
    }
}
