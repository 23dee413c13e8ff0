using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Web.Features.Clusters;

/// <summary>
/// A moderator puts a cluster into the plan in one step: every entry of it that can enter the plan (accepted, or
/// already in it) is linked to one node, an existing one of any level or a new project named after the cluster.
/// The others (not yet triaged, declined, hidden) are left as they are. Returns the node and how many were linked.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record PromoteCluster(int ClusterId, int? ProjectId, int? OperationalObjectiveId, string? NewProjectTitle) : ICommand<ClusterPromotion>;

public sealed record ClusterPromotion(int NodeId, int Linked, int Skipped);

public sealed class PromoteClusterHandler(IdeaBoxDb db, PlanPromotion promotion) : ICommandHandler<PromoteCluster, ClusterPromotion>
{
    public async ValueTask<ClusterPromotion> Handle(PromoteCluster command, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.ClusterId, ct)
            ?? throw new NotFoundException($"Cluster {command.ClusterId}");
        var members = await db.Entries.Where(e => e.ClusterId == cluster.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var eligible = members.Where(e => e.Status is EntryStatus.Accepted or EntryStatus.InPlan).ToList();
        if (eligible.Count == 0) throw new ConflictException("Cluster.NoneCanEnterPlan");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The most supported entry's unit owns a new project.
        var unitId = eligible.OrderByDescending(e => e.VoteCount).First().UnitId;
        var node = await promotion.TargetAsync(command.ProjectId, command.OperationalObjectiveId, command.NewProjectTitle, cluster.Name, unitId, ct);
        var linked = 0;
        foreach (var entry in eligible)
            if (await promotion.LinkAsync(entry, node.Id, ct)) linked++;
        if (linked == 0) throw new ValidationFailedException("ProjectId", "Cluster.AllLinkedAlready");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ClusterPromotion(node.Id, linked, members.Count - linked);
    }
}
