namespace IdeaBox.Web.Features.Moderation;

/// <summary>Open entries other than <paramref name="SourceId"/> found by words of their title: merge targets, or difficulties to answer.</summary>
[Requires(Permissions.Moderate)]
public sealed record SearchMergeTargets(int SourceId, string? Text, EntryKind? Kind = null) : IQuery<IReadOnlyList<MergeCandidate>>;

public sealed record MergeCandidate(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount);

public sealed class SearchMergeTargetsHandler(IdeaBoxDb db) : IQueryHandler<SearchMergeTargets, IReadOnlyList<MergeCandidate>>
{
    public async ValueTask<IReadOnlyList<MergeCandidate>> Handle(SearchMergeTargets query, CancellationToken ct)
    {
        var words = (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length >= 2).Take(6).ToList();
        if (words.Count == 0) return [];
        var candidates = db.Entries.AsNoTracking().Where(MergeRules.Receivers).Where(e => e.Id != query.SourceId);
        if (query.Kind is { } kind) candidates = candidates.Where(e => e.Kind == kind);
        foreach (var word in words)
        {
            var pattern = "%" + word.Replace("[", "").Replace("%", "").Replace("_", "") + "%";
            candidates = candidates.Where(e => EF.Functions.Like(e.Title, pattern));
        }
        return await candidates.OrderByDescending(e => e.VoteCount).ThenBy(e => e.Id).Take(20)
            .Select(e => new MergeCandidate(e.Id, e.Kind, e.Title, e.Status, e.VoteCount))
            .ToListAsync(ct);
    }
}
