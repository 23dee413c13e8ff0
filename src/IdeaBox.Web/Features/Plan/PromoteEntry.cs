using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Plan;

/// <summary>
/// A moderator puts an accepted entry into the plan: linked to an existing project, or to a new
/// project created under an operational objective. The entry becomes InPlan. An entry already in
/// the plan can be linked to further projects. Returns the project's id.
/// </summary>
public sealed record PromoteEntry(int EntryId, int? ProjectId, int? OperationalObjectiveId, string? NewProjectTitle) : ICommand<int>;

public sealed class PromoteEntryHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<PromoteEntry, int>
{
    public async ValueTask<int> Handle(PromoteEntry command, CancellationToken ct)
    {
        user.MustModerate();
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Id == command.EntryId, ct)
            ?? throw new NotFoundException($"Entry {command.EntryId}");
        if (entry.Status != EntryStatus.InPlan)
            EntryWorkflow.Authorize(user, entry.Status, EntryStatus.InPlan, null);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        PlanNode project;
        if (command.ProjectId is { } projectId)
        {
            project = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == projectId && n.Level == PlanLevel.Project, ct)
                ?? throw new ValidationFailedException(new FieldError("ProjectId", "Promote.UnknownProject"));
            if (await db.ProjectEntries.AnyAsync(pe => pe.ProjectId == projectId && pe.EntryId == entry.Id, ct))
                throw new ValidationFailedException(new FieldError("ProjectId", "Promote.AlreadyLinked"));
        }
        else
        {
            var errors = new List<FieldError>();
            var objectiveExists = command.OperationalObjectiveId is { } oo
                && await db.PlanNodes.AnyAsync(n => n.Id == oo && n.Level == PlanLevel.OperationalObjective, ct);
            if (!objectiveExists) errors.Add(new("OperationalObjectiveId", "Promote.ObjectiveRequired"));
            var title = string.IsNullOrWhiteSpace(command.NewProjectTitle) ? entry.Title : command.NewProjectTitle.Trim();
            if (title.Length > PlanNode.TitleMaxLength) errors.Add(new("NewProjectTitle", "Validation.MaxLength", PlanNode.TitleMaxLength));
            if (errors.Count > 0) throw new ValidationFailedException(errors);
            var position = await db.PlanNodes.Where(n => n.ParentId == command.OperationalObjectiveId).MaxAsync(n => (int?)n.Position, ct) + 1 ?? 1;
            project = new PlanNode
            {
                Level = PlanLevel.Project, ParentId = command.OperationalObjectiveId, Position = position, Title = title,
                Description = null, OwnerId = user.Id, UnitId = entry.UnitId, ProjectStatus = ProjectStatus.Planned,
            };
            db.PlanNodes.Add(project);
            await db.SaveChangesAsync(ct);
        }

        db.ProjectEntries.Add(new ProjectEntry { ProjectId = project.Id, EntryId = entry.Id, CreatedAt = now });
        db.Record(user.Id, now, AuditAction.Promote, entry.Id, entry.Status.ToString(), $"#{project.Id} {project.Title}");
        if (entry.Status != EntryStatus.InPlan)
            await EntryWorkflow.ApplyAsync(db, notifier, entry, EntryStatus.InPlan, null, user.Id, now, ct, auditTo: null);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return project.Id;
    }
}
