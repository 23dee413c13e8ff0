using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.SqlServer.Migrations
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

            // Full-text search over titles and bodies, accent-insensitive, French word breaker.
            // Full-text DDL cannot run inside a transaction; it is skipped on an instance without
            // the Full-Text Search feature (search then answers with a LIKE fallback, see SqlServerEntrySearch).
            migrationBuilder.Sql("""
                IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
                    AND NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'IdeaBoxCatalog')
                    EXEC('CREATE FULLTEXT CATALOG IdeaBoxCatalog WITH ACCENT_SENSITIVITY = OFF');
                """, suppressTransaction: true);
            migrationBuilder.Sql("""
                IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
                    AND NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.Entries'))
                    EXEC('CREATE FULLTEXT INDEX ON dbo.Entries (Title LANGUAGE 1036, Body LANGUAGE 1036)
                          KEY INDEX PK_Entries ON IdeaBoxCatalog WITH CHANGE_TRACKING AUTO');
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.Entries'))
                    DROP FULLTEXT INDEX ON dbo.Entries;
                """, suppressTransaction: true);
            migrationBuilder.Sql("""
                IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'IdeaBoxCatalog')
                    DROP FULLTEXT CATALOG IdeaBoxCatalog;
                """, suppressTransaction: true);

            migrationBuilder.DropIndex(
                name: "IX_Votes_CreatedAt",
                table: "Votes");

            migrationBuilder.DropIndex(
                name: "IX_Comments_CreatedAt",
                table: "Comments");
        }
    }
}
