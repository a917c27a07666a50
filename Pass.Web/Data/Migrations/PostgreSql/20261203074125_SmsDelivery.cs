using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pass.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SmsDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "SmsOutbox",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "CodeInText",
                table: "SmsOutbox",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "GiveUpAt",
                table: "SmsOutbox",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "SmsOutbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "SmsOutbox",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Sent");

            // Messages written before had their one attempt and were never tried again: sent, or given up.
            migrationBuilder.Sql("UPDATE \"SmsOutbox\" SET \"Status\" = 'GivenUp' WHERE \"SentAt\" IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutbox_Status_NextAttemptAt",
                table: "SmsOutbox",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SmsOutbox_Status_NextAttemptAt",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "CodeInText",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "GiveUpAt",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "SmsOutbox");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "SmsOutbox");
        }
    }
}
