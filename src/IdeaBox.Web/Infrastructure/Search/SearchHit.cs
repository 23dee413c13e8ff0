namespace IdeaBox.Web.Infrastructure.Search;

/// <summary>An entry matching a search, with its relevance: the lower the rank, the better the match.</summary>
public sealed class SearchHit
{
    public int EntryId { get; set; }
    public double Rank { get; set; }
}
