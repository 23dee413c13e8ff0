using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SupportBreadth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BreadthStale",
                table: "Entries",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "SupportAdministrations",
                table: "Entries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SupportUnits",
                table: "Entries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Entries_BreadthStale",
                table: "Entries",
                column: "BreadthStale",
                filter: "BreadthStale = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_SupportAdministrations_SupportUnits",
                table: "Entries",
                columns: new[] { "SupportAdministrations", "SupportUnits" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_BreadthStale",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_SupportAdministrations_SupportUnits",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "BreadthStale",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SupportAdministrations",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SupportUnits",
                table: "Entries");
        }
    }
}
