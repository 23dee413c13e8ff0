using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Search;
using IdeaBox.Web.Infrastructure.Search;

namespace IdeaBox.Web.Features.Clusters;

/// <summary>A cluster with its entries (those the user may see), their combined support and the plan nodes that carry them.</summary>
[AnySignedInUser]
public sealed record GetCluster(int ClusterId) : IQuery<ClusterView>;

public sealed record ClusterView(int Id, string Name, string? Summary, IReadOnlyList<ClusterMember> Members, int TotalVotes,
    CombinedSupport Support, IReadOnlyList<ClusterPlanLink> Plan);

public sealed record ClusterMember(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount, int CommentCount, string UnitName);

public sealed record ClusterPlanLink(int NodeId, PlanLevel Level, string Code, string Title, int Entries);

/// <summary>Every cluster, largest support first, with the number of entries each groups.</summary>
[AnySignedInUser]
public sealed record ListClusters : IQuery<IReadOnlyList<ClusterSummary>>;

public sealed record ClusterSummary(int Id, string Name, string? Summary, int Entries, int TotalVotes);

/// <summary>
/// Entries a moderator could add to the cluster: those whose title shares words with <paramref name="Text"/>, or,
/// without a text, those whose title resembles the cluster's name or its entries' titles. Entries already in a
/// cluster, hidden or merged are left out.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record FindClusterCandidates(int ClusterId, string? Text) : IQuery<IReadOnlyList<SimilarEntry>>
{
    public const int Max = 10;
}

public sealed class GetClusterHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetCluster, ClusterView>
{
    public const int TopUnits = 10;

    public async ValueTask<ClusterView> Handle(GetCluster query, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.ClusterId, ct)
            ?? throw new NotFoundException($"Cluster {query.ClusterId}");
        // Everyone sees the listed entries; moderators also the ones hidden since they were grouped.
        var entries = db.Entries.AsNoTracking().Where(e => e.ClusterId == cluster.Id);
        if (!user.Moderates) entries = entries.Where(EntryRules.Listed);
        var members = await entries.OrderByDescending(e => e.VoteCount).ThenBy(e => e.Id)
            .Select(e => new ClusterMember(e.Id, e.Kind, e.Title, e.Status, e.VoteCount, e.CommentCount, e.Unit!.Name))
            .ToListAsync(ct);
        var listed = db.Entries.Where(e => e.ClusterId == cluster.Id).Where(EntryRules.Listed).Select(e => e.Id);
        var support = await Breadth.CombinedAsync(db, listed, TopUnits, ct);
        var plan = await db.ProjectEntries.Where(pe => listed.Contains(pe.EntryId))
            .GroupBy(pe => pe.ProjectId).Select(g => new { NodeId = g.Key, Entries = g.Count() })
            .Join(db.PlanNodes, g => g.NodeId, n => n.Id, (g, n) => new { g.NodeId, n.Level, n.Title, g.Entries })
            .ToListAsync(ct);
        var codes = plan.Count == 0 ? new Dictionary<int, string>() : (await Plan.PlanLoader.LoadAsync(db, ct, withEntries: false)).All().ToDictionary(n => n.Id, n => n.Code);
        return new ClusterView(cluster.Id, cluster.Name, cluster.Summary, members,
            members.Where(m => m.Status is not (EntryStatus.Hidden or EntryStatus.Merged)).Sum(m => m.VoteCount), support,
            [.. plan.Select(p => new ClusterPlanLink(p.NodeId, p.Level, codes.GetValueOrDefault(p.NodeId, ""), p.Title, p.Entries)).OrderBy(p => p.Code)]);
    }
}

public sealed class ListClustersHandler(IdeaBoxDb db) : IQueryHandler<ListClusters, IReadOnlyList<ClusterSummary>>
{
    public async ValueTask<IReadOnlyList<ClusterSummary>> Handle(ListClusters query, CancellationToken ct)
    {
        var counts = await db.Entries.AsNoTracking().Where(e => e.ClusterId != null).Where(EntryRules.Listed)
            .GroupBy(e => e.ClusterId!.Value).Select(g => new { Id = g.Key, Entries = g.Count(), Votes = g.Sum(e => e.VoteCount) })
            .ToDictionaryAsync(x => x.Id, ct);
        var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Name, c.Summary }).ToListAsync(ct);
        return [.. clusters
            .Select(c => new ClusterSummary(c.Id, c.Name, c.Summary, counts.GetValueOrDefault(c.Id)?.Entries ?? 0, counts.GetValueOrDefault(c.Id)?.Votes ?? 0))
            .OrderByDescending(c => c.TotalVotes).ThenBy(c => c.Name, StringComparer.CurrentCulture)];
    }
}

public sealed class FindClusterCandidatesHandler(IdeaBoxDb db, IEntrySearch search) : IQueryHandler<FindClusterCandidates, IReadOnlyList<SimilarEntry>>
{
    public async ValueTask<IReadOnlyList<SimilarEntry>> Handle(FindClusterCandidates query, CancellationToken ct)
    {
        var name = await db.Clusters.Where(c => c.Id == query.ClusterId).Select(c => c.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Cluster {query.ClusterId}");
        var pool = db.Entries.AsNoTracking().Where(e => e.ClusterId == null).Where(EntryRules.Listed);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length >= 2).Take(6).ToList();
            if (words.Count == 0) return [];
            return await pool.Join(search.Hits(db, string.Join(' ', words), anyWord: false), e => e.Id, h => h.EntryId,
                    (e, h) => new { e.Id, e.Kind, e.Title, e.Status, e.VoteCount, h.Rank })
                .OrderBy(x => x.Rank).ThenByDescending(x => x.VoteCount).Take(FindClusterCandidates.Max)
                .Select(x => new SimilarEntry(x.Id, x.Kind, x.Title, x.Status, x.VoteCount))
                .ToListAsync(ct);
        }
        // Suggestions: what resembles the name, then each member's title (the most supported first).
        var titles = await db.Entries.Where(e => e.ClusterId == query.ClusterId).OrderByDescending(e => e.VoteCount).Select(e => e.Title).Take(5).ToListAsync(ct);
        var found = new List<SimilarEntry>();
        foreach (var title in titles.Prepend(name))
        {
            foreach (var similar in await FindSimilarEntriesHandler.SimilarAsync(db, search, title, pool, FindClusterCandidates.Max, ct))
                if (found.All(f => f.Id != similar.Id)) found.Add(similar);
            if (found.Count >= FindClusterCandidates.Max) break;
        }
        return [.. found.Take(FindClusterCandidates.Max)];
    }
}
