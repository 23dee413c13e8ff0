namespace IdeaBox.Web.Features.Clusters;

/// <summary>A moderator names a new cluster, empty or with a first entry in it. Returns its id.</summary>
[Requires(Permissions.Moderate)]
public sealed record CreateCluster(string? Name, string? Summary, int? EntryId = null) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => Cluster.Validate(Name, Summary);
}

/// <summary>A moderator renames a cluster or rewrites its summary.</summary>
[Requires(Permissions.Moderate)]
public sealed record RenameCluster(int ClusterId, string? Name, string? Summary) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => Cluster.Validate(Name, Summary);
}

/// <summary>A moderator dissolves a cluster: its entries stay as they are, ungrouped (each one audited).</summary>
[Requires(Permissions.Moderate)]
public sealed record DeleteCluster(int ClusterId) : ICommand;

public sealed class CreateClusterHandler(IdeaBoxDb db, ClusterMembers members, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateCluster, int>
{
    public async ValueTask<int> Handle(CreateCluster command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cluster = new Cluster
        {
            Name = command.Name!.Trim(), Summary = TextInput.Optional(command.Summary), CreatedById = user.Id, CreatedAt = now, UpdatedAt = now,
        };
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(ct);
        if (command.EntryId is { } entryId) await members.AddAsync(cluster, entryId, ct);
        await transaction.CommitAsync(ct);
        return cluster.Id;
    }
}

public sealed class RenameClusterHandler(IdeaBoxDb db, TimeProvider clock) : ICommandHandler<RenameCluster>
{
    public async ValueTask<Unit> Handle(RenameCluster command, CancellationToken ct)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == command.ClusterId, ct) ?? throw new NotFoundException($"Cluster {command.ClusterId}");
        cluster.Name = command.Name!.Trim();
        cluster.Summary = TextInput.Optional(command.Summary);
        cluster.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

public sealed class DeleteClusterHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeleteCluster>
{
    public async ValueTask<Unit> Handle(DeleteCluster command, CancellationToken ct)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == command.ClusterId, ct) ?? throw new NotFoundException($"Cluster {command.ClusterId}");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entryIds = await db.Entries.Where(e => e.ClusterId == cluster.Id).Select(e => e.Id).ToListAsync(ct);
        await db.Entries.Where(e => e.ClusterId == cluster.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ClusterId, (int?)null), ct);
        db.AuditEvents.AddRange(entryIds.Select(id => AuditEvent.Clustering(id, user.Id, now, cluster.Name, joined: false)));
        db.Clusters.Remove(cluster);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
