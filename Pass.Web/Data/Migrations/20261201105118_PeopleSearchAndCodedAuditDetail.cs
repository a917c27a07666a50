using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pass.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearchAndCodedAuditDetail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DetailArgs",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DetailCode",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedDisplayName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Existing people: the same upper-casing as DisplayNames.Normalize (SQLite's UPPER covers ASCII only; a name with
            // other letters gets its full form at its next write, and searching it in ASCII works at once).
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"NormalizedDisplayName\" = UPPER(TRIM(\"DisplayName\"));");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_NormalizedDisplayName",
                table: "AspNetUsers",
                column: "NormalizedDisplayName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_NormalizedDisplayName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DetailArgs",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "DetailCode",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "NormalizedDisplayName",
                table: "AspNetUsers");
        }
    }
}
