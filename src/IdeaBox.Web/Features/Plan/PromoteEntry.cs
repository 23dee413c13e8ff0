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

public sealed class PromoteEntryHandler(IdeaBoxDb db, EntryMoves moves, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PromoteEntry, int>
{
    public async ValueTask<int> Handle(PromoteEntry command, CancellationToken ct)
    {
        var entry = await moves.FindAsync(command.EntryId, ct);
        entry.EnsureCanEnterPlan(user.Actor);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var project = command.ProjectId is { } projectId
            ? await ExistingProjectAsync(projectId, entry.Id, ct)
            : await NewProjectAsync(command, entry, ct);

        db.ProjectEntries.Add(new ProjectEntry { ProjectId = project.Id, EntryId = entry.Id, CreatedAt = now });
        var audit = entry.PutInPlan(project.Id, user.Actor, now);
        db.AuditEvents.Add(audit[0]);
        if (audit.Count > 1) await moves.RecordAsync(entry, audit[1], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return project.Id;
    }

    private async Task<PlanNode> ExistingProjectAsync(int projectId, int entryId, CancellationToken ct)
    {
        var project = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == projectId, ct)
            ?? throw new ValidationFailedException("ProjectId", "Promote.UnknownProject");
        if (await db.ProjectEntries.AnyAsync(pe => pe.ProjectId == projectId && pe.EntryId == entryId, ct))
            throw new ValidationFailedException("ProjectId", "Promote.AlreadyLinked");
        return project;
    }

    /// <summary>A project named after the entry (unless a title is given), owned by the moderator, in the entry's unit.</summary>
    private async Task<PlanNode> NewProjectAsync(PromoteEntry command, Entry entry, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var objectiveExists = command.OperationalObjectiveId is { } oo
            && await db.PlanNodes.AnyAsync(n => n.Id == oo && n.Level == PlanLevel.OperationalObjective, ct);
        if (!objectiveExists) errors.Add(new("OperationalObjectiveId", "Promote.ObjectiveRequired"));
        var title = string.IsNullOrWhiteSpace(command.NewProjectTitle) ? entry.Title : command.NewProjectTitle.Trim();
        if (title.Length > PlanNode.TitleMaxLength) errors.Add(new("NewProjectTitle", "Validation.MaxLength", PlanNode.TitleMaxLength));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var project = new PlanNode
        {
            Level = PlanLevel.Project, ParentId = command.OperationalObjectiveId, Title = title,
            Position = await PlanLoader.NextPositionAsync(db, command.OperationalObjectiveId, ct),
            OwnerId = user.Id, UnitId = entry.UnitId, ProjectStatus = ProjectStatus.Planned,
        };
        db.PlanNodes.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }
}
