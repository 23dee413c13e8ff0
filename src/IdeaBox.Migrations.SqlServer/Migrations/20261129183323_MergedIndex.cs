using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MergedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_MergedIntoId",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_MergedIntoId",
                table: "Entries",
                column: "MergedIntoId",
                filter: "MergedIntoId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_MergedIntoId",
                table: "Entries");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_MergedIntoId",
                table: "Entries",
                column: "MergedIntoId");
        }
    }
}
