using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Web.Features.Plan;

/// <summary>
/// A moderator puts an accepted entry into the plan: linked to an existing node of any level (a
/// project, or an operational or strategic objective, or an axis, when the answer is broader than one
/// project), or to a new project created under an operational objective. The entry becomes InPlan.
/// An entry already in the plan can be linked to further nodes. Returns the node's id.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record PromoteEntry(int EntryId, int? ProjectId, int? OperationalObjectiveId, string? NewProjectTitle) : ICommand<int>;

public sealed class PromoteEntryHandler(IdeaBoxDb db, PlanPromotion promotion, EntryMoves moves, ICurrentUser user)
    : ICommandHandler<PromoteEntry, int>
{
    public async ValueTask<int> Handle(PromoteEntry command, CancellationToken ct)
    {
        var entry = await moves.FindAsync(command.EntryId, ct);
        entry.EnsureCanEnterPlan(user.Actor);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var node = await promotion.TargetAsync(command.ProjectId, command.OperationalObjectiveId, command.NewProjectTitle, entry.Title, entry.UnitId, ct);
        if (!await promotion.LinkAsync(entry, node.Id, ct)) throw new ValidationFailedException("ProjectId", "Promote.AlreadyLinked");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return node.Id;
    }
}

/// <summary>What putting entries into the plan shares, one at a time or a whole cluster: the node that carries them, and each link.</summary>
public sealed class PlanPromotion(IdeaBoxDb db, EntryMoves moves, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// The existing node <paramref name="nodeId"/>, or a new project under the operational objective, named
    /// <paramref name="newProjectTitle"/> or else <paramref name="defaultTitle"/>, owned by the moderator, in <paramref name="unitId"/>.
    /// </summary>
    public async Task<PlanNode> TargetAsync(int? nodeId, int? operationalObjectiveId, string? newProjectTitle, string defaultTitle, int unitId,
        CancellationToken ct)
    {
        if (nodeId is { } id)
            return await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == id, ct)
                ?? throw new ValidationFailedException("ProjectId", "Promote.UnknownProject");

        var errors = new List<FieldError>();
        var objectiveExists = operationalObjectiveId is { } oo
            && await db.PlanNodes.AnyAsync(n => n.Id == oo && n.Level == PlanLevel.OperationalObjective, ct);
        if (!objectiveExists) errors.Add(new("OperationalObjectiveId", "Promote.ObjectiveRequired"));
        var title = string.IsNullOrWhiteSpace(newProjectTitle) ? defaultTitle : newProjectTitle.Trim();
        if (title.Length > PlanNode.TitleMaxLength) errors.Add(new("NewProjectTitle", "Validation.MaxLength", PlanNode.TitleMaxLength));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var project = new PlanNode
        {
            Level = PlanLevel.Project, ParentId = operationalObjectiveId, Title = title,
            Position = await PlanLoader.NextPositionAsync(db, operationalObjectiveId, ct),
            OwnerId = user.Id, UnitId = unitId, ProjectStatus = ProjectStatus.Planned,
        };
        db.PlanNodes.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }

    /// <summary>Links the tracked entry to the node and records the promotion (and the move into the plan, with its notifications); false when it was already linked. The caller saves.</summary>
    public async Task<bool> LinkAsync(Entry entry, int nodeId, CancellationToken ct)
    {
        if (await db.ProjectEntries.AnyAsync(pe => pe.ProjectId == nodeId && pe.EntryId == entry.Id, ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        db.ProjectEntries.Add(new ProjectEntry { ProjectId = nodeId, EntryId = entry.Id, CreatedAt = now });
        var audit = entry.PutInPlan(nodeId, user.Actor, now);
        db.AuditEvents.Add(audit[0]);
        if (audit.Count > 1) await moves.RecordAsync(entry, audit[1], ct);
        return true;
    }
}
