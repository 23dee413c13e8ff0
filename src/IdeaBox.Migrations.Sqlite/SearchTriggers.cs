using Microsoft.EntityFrameworkCore.Migrations;

namespace IdeaBox.Migrations.Sqlite;

/// <summary>
/// The triggers that keep the FTS5 index (EntriesFts) in sync with Entries. SQLite rebuilds a table to add a
/// foreign key, which drops its triggers: every migration that rebuilds Entries creates them again with this.
/// </summary>
internal static class SearchTriggers
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS Entries_Fts_Insert AFTER INSERT ON Entries BEGIN
                INSERT INTO EntriesFts(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS Entries_Fts_Delete AFTER DELETE ON Entries BEGIN
                INSERT INTO EntriesFts(EntriesFts, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER IF NOT EXISTS Entries_Fts_Update AFTER UPDATE OF Title, Body ON Entries BEGIN
                INSERT INTO EntriesFts(EntriesFts, rowid, Title, Body) VALUES ('delete', old.Id, old.Title, old.Body);
                INSERT INTO EntriesFts(rowid, Title, Body) VALUES (new.Id, new.Title, new.Body);
            END;
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS Entries_Fts_Update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS Entries_Fts_Delete;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS Entries_Fts_Insert;");
    }
}
