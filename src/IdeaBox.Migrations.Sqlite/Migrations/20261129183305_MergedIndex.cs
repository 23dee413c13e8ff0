using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.Sqlite.Migrations
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

            // The full-text index ranks with bm25, a title word weighing five body words: stored as
            // the index's own rank function, so that "ORDER BY rank LIMIT n" takes FTS5's fast path.
            migrationBuilder.Sql("INSERT INTO EntriesFts(EntriesFts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');");
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
