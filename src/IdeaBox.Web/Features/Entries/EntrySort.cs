namespace IdeaBox.Web.Features.Entries;

/// <summary>The orders of the entry list.</summary>
public enum EntrySort
{
    Trending = 0,
    Newest = 1,
    MostVotes = 2,
    MostDiscussed = 3,
    /// <summary>The best matches of a search first.</summary>
    Relevance = 4,
    /// <summary>The widest support first: voters and commenters from the most administrations, then units.</summary>
    Transversal = 5,
}
