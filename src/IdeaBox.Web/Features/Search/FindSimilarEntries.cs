using IdeaBox.Web.Infrastructure.Search;

namespace IdeaBox.Web.Features.Search;

/// <summary>Up to five existing entries whose title resembles <paramref name="Title"/>: vote for them rather than write a duplicate.</summary>
[AnySignedInUser]
public sealed record FindSimilarEntries(string? Title) : IQuery<IReadOnlyList<SimilarEntry>>
{
    public const int Max = 5;
}

public sealed record SimilarEntry(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount);

public sealed class FindSimilarEntriesHandler(IdeaBoxDb db, IEntrySearch search) : IQueryHandler<FindSimilarEntries, IReadOnlyList<SimilarEntry>>
{
    /// <summary>Words too common to make two titles alike.</summary>
    private static readonly HashSet<string> StopWords =
    [
        "les", "des", "une", "pour", "par", "sur", "dans", "avec", "sans", "pas", "que", "qui", "est", "sont", "plus", "nos", "notre",
        "nous", "vous", "leur", "leurs", "ces", "cette", "elle", "aux", "son", "ses", "tous", "tout", "toutes", "trop", "entre", "chaque",
        "the", "and", "for", "with", "not", "are",
    ];

    public async ValueTask<IReadOnlyList<SimilarEntry>> Handle(FindSimilarEntries query, CancellationToken ct) =>
        await SimilarAsync(db, search, query.Title ?? "", db.Entries.AsNoTracking().Where(EntryRules.Listed), FindSimilarEntries.Max, ct);

    /// <summary>
    /// The entries of <paramref name="pool"/> whose title resembles <paramref name="title"/>: at least two significant
    /// words in common (one when the title has only one), most words in common first.
    /// </summary>
    public static async Task<List<SimilarEntry>> SimilarAsync(IdeaBoxDb db, IEntrySearch search, string title, IQueryable<Entry> pool, int max,
        CancellationToken ct)
    {
        var words = Significant(title);
        if (words.Count == 0) return [];
        var candidates = await pool
            .Join(search.Hits(db, string.Join(' ', words), anyWord: true), e => e.Id, h => h.EntryId,
                (e, h) => new { e.Id, e.Kind, e.Title, e.Status, e.VoteCount, h.Rank })
            .OrderBy(x => x.Rank).Take(40)
            .ToListAsync(ct);
        var needed = Math.Min(2, words.Count);
        return candidates
            .Select(c => (Entry: c, Shared: Significant(c.Title).Count(w => words.Any(x => Alike(x, w)))))
            .Where(x => x.Shared >= needed)
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Entry.Rank)
            .Take(max)
            .Select(x => new SimilarEntry(x.Entry.Id, x.Entry.Kind, x.Entry.Title, x.Entry.Status, x.Entry.VoteCount))
            .ToList();
    }

    private static List<string> Significant(string title) =>
        SearchText.Words(title).Select(SearchText.Fold).Where(w => w.Length >= 3 && !StopWords.Contains(w)).Distinct().ToList();

    /// <summary>The same word, give or take an ending ("imprimante", "imprimantes").</summary>
    private static bool Alike(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 4 && longer.Length - shorter.Length <= 2 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }
}
