using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Votes_CreatedAt",
                table: "Votes",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_CreatedAt",
                table: "Comments",
                column: "CreatedAt");

            // Full-text search: an FTS5 index over titles and bodies, insensitive to case and
            // accents ("ecole" finds "école"), kept in sync with Entries by triggers. Votes and
            // counts update other columns and do not touch the index.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE EntriesFts USING fts5(
                    Title, Body, content='Entries', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Entries_Fts_Insert AFTER INSERT ON Entries BEGIN
                    INSERT INTO EntriesFts(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Entries_Fts_Delete AFTER DELETE ON Entries BEGIN
                    INSERT INTO EntriesFts(EntriesFts, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Entries_Fts_Update AFTER UPDATE OF Title, Body ON Entries BEGIN
                    INSERT INTO EntriesFts(EntriesFts, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                    INSERT INTO EntriesFts(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO EntriesFts(EntriesFts) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Entries_Fts_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Entries_Fts_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Entries_Fts_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS EntriesFts;");

            migrationBuilder.DropIndex(
                name: "IX_Votes_CreatedAt",
                table: "Votes");

            migrationBuilder.DropIndex(
                name: "IX_Comments_CreatedAt",
                table: "Comments");
        }
    }
}
