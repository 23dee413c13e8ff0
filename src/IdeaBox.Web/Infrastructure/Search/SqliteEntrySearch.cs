namespace IdeaBox.Web.Infrastructure.Search;

/// <summary>SQLite's FTS5 index (created with its triggers by the Sqlite migrations), ranked with bm25.</summary>
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
