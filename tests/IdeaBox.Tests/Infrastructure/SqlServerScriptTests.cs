using System.Text.RegularExpressions;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using IdeaBox.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// What IdeaBox sends to SQL Server, parsed here by Microsoft's own T-SQL parser (no server needed): the
/// idempotent migration script a DBA runs, and every raw statement of the code. A statement SQL Server cannot
/// parse fails here, not in production.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    private static IdeaBoxDb SqlServerContext() => new(new DbContextOptionsBuilder<IdeaBoxDb>()
        .UseSqlServer("Server=unused;Database=IdeaBox", x => x.MigrationsAssembly(Web.Infrastructure.DatabaseSetup.SqlServerMigrations)).Options);

    private static IReadOnlyList<string> ParseErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return [.. errors.Select(e => $"line {e.Line}: {e.Message}")];
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    /// <summary>EF Core's {0} placeholders as the parameters it sends (@p0…).</summary>
    private static string WithParameters(string sql) => Placeholder().Replace(sql, m => "@p" + m.Groups[1].Value);

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Entries]", script);
        Assert.Contains("CREATE FULLTEXT INDEX", script);
        Assert.Empty(ParseErrors(script));
    }

    [Fact]
    public void The_raw_statements_parse_as_T_SQL()
    {
        using var db = SqlServerContext();
        string[] statements =
        [
            SqlServerEntrySearch.Statement(["formulaire", "conge"], anyWord: false, fullText: true).Sql,
            SqlServerEntrySearch.Statement(["formulaire", "conge"], anyWord: true, fullText: true).Sql,
            SqlServerEntrySearch.Statement(["formulaire", "conge"], anyWord: false, fullText: false).Sql,
            WithParameters(MergeEntryHandler.MoveVotes(1, 2).Format),
            WithParameters(MergeEntryHandler.MoveFollows(1, 2).Format),
            WithParameters(InsertOnce.Statement(db, new DigestDelivery { UserId = 1, WeekStart = new DateOnly(2026, 11, 16), SentAt = DateTime.UtcNow }).Sql),
            WithParameters(InsertOnce.Statement(db, new DailySummaryDelivery { UserId = 1, Day = new DateOnly(2026, 11, 30), SentAt = DateTime.UtcNow }).Sql),
        ];
        Assert.All(statements, sql => Assert.Empty(ParseErrors(sql)));
        // The parser is not lenient: SQLite's form of the same claim is refused.
        Assert.NotEmpty(ParseErrors("INSERT INTO \"DigestDeliveries\" (\"UserId\") VALUES (@p0) ON CONFLICT DO NOTHING"));
    }
}
