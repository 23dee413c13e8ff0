using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Plan;

/// <summary>
/// What the plan does for an entry — the mirror of the slides: the nodes of the plan (projects, or
/// objectives) that carry it, and, for a difficulty, those that carry one of the ideas or initiatives
/// answering it; each with the path above it, its status and progress, and the entries it carries for
/// this one.
/// </summary>
[AnySignedInUser]
public sealed record GetAnswerChain(int EntryId) : IQuery<AnswerChain>;

/// <param name="Path">The nodes above, from the axis down.</param>
/// <param name="Via">The entries that bring the node into the chain: the entry itself, or its answers.</param>
public sealed record ChainLink(PlanItem Node, IReadOnlyList<PlanItem> Path, IReadOnlyList<LinkedEntry> Via);

/// <param name="Answers">For a difficulty: the ideas and initiatives linked as answering it.</param>
public sealed record AnswerChain(IReadOnlyList<LinkedEntry> Answers, IReadOnlyList<ChainLink> Links)
{
    public static readonly AnswerChain None = new([], []);

    public bool IsAnswered => Links.Count > 0;
}

public sealed class GetAnswerChainHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetAnswerChain, AnswerChain>
{
    public async ValueTask<AnswerChain> Handle(GetAnswerChain query, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().VisibleTo(user).Where(e => e.Id == query.EntryId)
            .Select(e => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {query.EntryId}");
        List<LinkedEntry> answers = entry.Kind == EntryKind.Difficulty
            ? await db.EntryAnswers.Where(a => a.DifficultyId == entry.Id)
                .Join(db.Entries.Where(EntryRules.Listed), a => a.AnswerId, e => e.Id, (_, e) => e)
                .OrderByDescending(e => e.VoteCount).Select(e => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount)).ToListAsync(ct)
            : [];
        var links = await MirrorLinks.ForAsync(db, answers.Select(a => a.Id).Append(entry.Id).ToList(), ct);
        if (links.Count == 0) return new AnswerChain(answers, []);
        var tree = await PlanLoader.LoadAsync(db, ct, withEntries: false);
        var byId = answers.Append(entry).ToDictionary(e => e.Id);
        return new AnswerChain(answers, MirrorLinks.Chain(tree, links, byId));
    }
}

/// <summary>The plan links (node, entry) of a set of entries, and the chain they make, shared by an entry's page and the mirror.</summary>
public static class MirrorLinks
{
    public static async Task<List<(int NodeId, int EntryId)>> ForAsync(IdeaBoxDb db, IReadOnlyList<int> entryIds, CancellationToken ct) =>
        (await db.ProjectEntries.AsNoTracking().Where(pe => entryIds.Contains(pe.EntryId))
            .Select(pe => new { pe.ProjectId, pe.EntryId }).ToListAsync(ct))
        .Select(x => (x.ProjectId, x.EntryId)).ToList();

    /// <summary>One link per node, in the plan's order, with the entries of <paramref name="entries"/> it carries.</summary>
    public static IReadOnlyList<ChainLink> Chain(PlanTree tree, IEnumerable<(int NodeId, int EntryId)> links, IReadOnlyDictionary<int, LinkedEntry> entries)
    {
        var order = tree.All().Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return links.Where(l => order.ContainsKey(l.NodeId) && entries.ContainsKey(l.EntryId))
            .GroupBy(l => l.NodeId)
            .OrderBy(g => order[g.Key])
            .Select(g => new ChainLink(tree.Find(g.Key)!, tree.AncestorsOf(g.Key), g.Select(l => entries[l.EntryId]).DistinctBy(e => e.Id).ToList()))
            .ToList();
    }
}
