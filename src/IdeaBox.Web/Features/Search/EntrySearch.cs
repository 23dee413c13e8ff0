using System.Text.RegularExpressions;
using IdeaBox.Data;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Search;

/// <summary>An entry matching a search, with its relevance: the lower the rank, the better the match.</summary>
public sealed class SearchHit
{
    public int EntryId { get; set; }
    public double Rank { get; set; }
}

/// <summary>
/// Full-text search over titles and bodies, insensitive to case and accents. One interface hides
/// the provider: SQLite answers from its FTS5 index, SQL Server from its full-text index. The hits
/// are a query, so the callers join them with their filters and sorts in the database.
/// </summary>
public interface IEntrySearch
{
    /// <summary>A search ranks at most this many matches, the best ones; filters and sorts apply to them.</summary>
    const int MaxHits = 1000;

    /// <param name="anyWord">false: every word must appear (the search box); true: any word may (similar titles).</param>
    IQueryable<SearchHit> Hits(IdeaBoxDb db, string text, bool anyWord = false);
}

public static partial class SearchText
{
    public const int MaxWords = 12;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>Lower case without accents, so "Difficulte", "difficulté" and "DIFFICULTÉ" match.</summary>
    public static string Fold(string value)
    {
        var decomposed = value.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
    }

    /// <summary>The words of a query, lower case, at least two characters, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        text is null ? [] : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2).Distinct().Take(MaxWords).ToList();
}

public sealed class SqliteEntrySearch : IEntrySearch
{
    public IQueryable<SearchHit> Hits(IdeaBoxDb db, string text, bool anyWord = false)
    {
        var words = SearchText.Words(text);
        // Each word is quoted (no FTS syntax gets through); the last one also matches as a prefix, as
        // it may be the word being typed ("organis" finds "organisation"). Prefixes on every word cost three times more.
        var match = words.Count == 0 ? "\"\"" : string.Join(anyWord ? " OR " : " ",
            words.Select((w, i) => anyWord || i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
        // The index's rank is bm25 with a title word weighing five body words (set in the migrations);
        // ORDER BY rank LIMIT is FTS5's fast path, so a common word does not rank the whole table.
        return db.Database.SqlQuery<SearchHit>(
            $"SELECT rowid AS EntryId, rank AS Rank FROM EntriesFts WHERE EntriesFts MATCH {match} ORDER BY rank LIMIT {IEntrySearch.MaxHits}");
    }
}

/// <summary>
/// SQL Server's full-text index (FREETEXTTABLE: French stemming, accent-insensitive catalog). On an
/// instance without the Full-Text Search feature, an accent-insensitive LIKE on every word instead
/// (no ranking beyond "title matches first"). Not run on the development machines: see the README.
/// </summary>
public sealed class SqlServerEntrySearch : IEntrySearch
{
    private static bool? _fullText;

    public IQueryable<SearchHit> Hits(IdeaBoxDb db, string text, bool anyWord = false)
    {
        var words = SearchText.Words(text);
        if (words.Count == 0) return db.Database.SqlQuery<SearchHit>($"SELECT 0 AS EntryId, CAST(0 AS float) AS Rank WHERE 1 = 0");
        _fullText ??= db.Database.SqlQuery<int>($"SELECT CAST(FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') AS int) AS Value").AsEnumerable().First() == 1
            && db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('dbo.Entries')").AsEnumerable().First() > 0;
        if (_fullText == true)
        {
            var query = string.Join(anyWord ? " OR " : " AND ", words.Select((w, i) => anyWord || i == words.Count - 1 ? $"\"{w}*\"" : $"\"{w}\""));
            return db.Database.SqlQuery<SearchHit>(
                $"SELECT [KEY] AS EntryId, CAST(1000 - [RANK] AS float) AS Rank FROM CONTAINSTABLE(dbo.Entries, (Title, Body), {query}, LANGUAGE 1036, {IEntrySearch.MaxHits})");
        }
        var conditions = words.Select((_, i) => $"(e.Title COLLATE Latin1_General_CI_AI LIKE @p{i} OR e.Body COLLATE Latin1_General_CI_AI LIKE @p{i})");
        var sql = $"SELECT TOP ({IEntrySearch.MaxHits}) e.Id AS EntryId, CAST(0 AS float) AS Rank FROM Entries e WHERE " + string.Join(anyWord ? " OR " : " AND ", conditions);
        var parameters = words.Select((w, i) => (object)new Microsoft.Data.SqlClient.SqlParameter($"@p{i}", "%" + w + "%")).ToArray();
        return db.Database.SqlQueryRaw<SearchHit>(sql, parameters);
    }
}
