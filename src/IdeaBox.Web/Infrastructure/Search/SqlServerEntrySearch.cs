namespace IdeaBox.Web.Infrastructure.Search;

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
        var (sql, parameters) = Statement(words, anyWord, _fullText == true);
        return db.Database.SqlQueryRaw<SearchHit>(sql, parameters);
    }

    /// <summary>The statement for these words and its parameters (@p0…), with the full-text index or without it.</summary>
    internal static (string Sql, object[] Parameters) Statement(IReadOnlyList<string> words, bool anyWord, bool fullText)
    {
        if (fullText)
        {
            var query = string.Join(anyWord ? " OR " : " AND ", words.Select((w, i) => anyWord || i == words.Count - 1 ? $"\"{w}*\"" : $"\"{w}\""));
            return ($"SELECT [KEY] AS EntryId, CAST(1000 - [RANK] AS float) AS Rank FROM CONTAINSTABLE(dbo.Entries, (Title, Body), @p0, LANGUAGE 1036, {IEntrySearch.MaxHits})",
                [new Microsoft.Data.SqlClient.SqlParameter("@p0", query)]);
        }
        var conditions = words.Select((_, i) => $"(e.Title COLLATE Latin1_General_CI_AI LIKE @p{i} OR e.Body COLLATE Latin1_General_CI_AI LIKE @p{i})");
        var sql = $"SELECT TOP ({IEntrySearch.MaxHits}) e.Id AS EntryId, CAST(0 AS float) AS Rank FROM Entries e WHERE " + string.Join(anyWord ? " OR " : " AND ", conditions);
        return (sql, words.Select((w, i) => (object)new Microsoft.Data.SqlClient.SqlParameter($"@p{i}", "%" + w + "%")).ToArray());
    }
}
