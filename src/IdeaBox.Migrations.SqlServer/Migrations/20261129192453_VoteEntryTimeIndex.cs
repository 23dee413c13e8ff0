using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class VoteEntryTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Votes_EntryId_CreatedAt",
                table: "Votes",
                columns: new[] { "EntryId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Votes_EntryId_CreatedAt",
                table: "Votes");
        }
    }
}
