namespace IdeaBox.Web.Features.Clusters;

/// <summary>A moderator puts an entry into a cluster. Audited on the entry.</summary>
[Requires(Permissions.Moderate)]
public sealed record AddToCluster(int ClusterId, int? EntryId) : ICommand;

/// <summary>A moderator takes an entry out of its cluster. Audited on the entry.</summary>
[Requires(Permissions.Moderate)]
public sealed record RemoveFromCluster(int ClusterId, int EntryId) : ICommand;

public sealed class AddToClusterHandler(IdeaBoxDb db, ClusterMembers members) : ICommandHandler<AddToCluster>
{
    public async ValueTask<Unit> Handle(AddToCluster command, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.ClusterId, ct)
            ?? throw new NotFoundException($"Cluster {command.ClusterId}");
        if (command.EntryId is not { } entryId) throw new ValidationFailedException("EntryId", "Validation.Required");
        await members.AddAsync(cluster, entryId, ct);
        return Unit.Value;
    }
}

public sealed class RemoveFromClusterHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RemoveFromCluster>
{
    public async ValueTask<Unit> Handle(RemoveFromCluster command, CancellationToken ct)
    {
        var name = await db.Clusters.Where(c => c.Id == command.ClusterId).Select(c => c.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Cluster {command.ClusterId}");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional: of two moderators removing the same entry, the second is told it is no longer there.
        var removed = await db.Entries.Where(e => e.Id == command.EntryId && e.ClusterId == command.ClusterId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClusterId, (int?)null), ct);
        if (removed == 0) throw new ConflictException("Cluster.NotMember", "EntryId");
        db.AuditEvents.Add(AuditEvent.Clustering(command.EntryId, user.Id, clock.GetUtcNow().UtcDateTime, name, joined: false));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}

/// <summary>Joining a cluster, shared by creating one around an entry and adding an entry to one.</summary>
public sealed class ClusterMembers(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Puts the entry in the cluster with a conditional update, so that an entry never ends in two clusters: 404 for an
    /// unknown entry, 409 for a hidden or merged one or one already grouped elsewhere (its cluster named).
    /// </summary>
    public async Task AddAsync(Cluster cluster, int entryId, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.Status, e.ClusterId, Other = db.Clusters.Where(c => c.Id == e.ClusterId).Select(c => c.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct) ?? throw new ValidationFailedException("EntryId", "Cluster.UnknownEntry");
        if (entry.ClusterId == cluster.Id) throw new ConflictException("Cluster.AlreadyMember", "EntryId");
        if (entry.ClusterId is not null) throw new ConflictException("Cluster.InAnother", "EntryId", entry.Other ?? "");
        if (!Cluster.CanJoin(entry.Status)) throw new ConflictException("Cluster.CannotJoin", "EntryId");

        var joined = await db.Entries.Where(e => e.Id == entryId && e.ClusterId == null && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClusterId, cluster.Id), ct);
        if (joined == 0) throw new ConflictException("Cluster.CannotJoin", "EntryId");
        db.AuditEvents.Add(AuditEvent.Clustering(entryId, user.Id, clock.GetUtcNow().UtcDateTime, cluster.Name, joined: true));
        await db.SaveChangesAsync(ct);
    }
}
