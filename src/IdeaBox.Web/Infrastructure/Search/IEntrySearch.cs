namespace IdeaBox.Web.Infrastructure.Search;

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
