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

/// <summary>A moderator writes a dated progress note on a project, optionally with its new progress %; followers of the entries it carries hear of it.</summary>
public sealed record AddProjectNote(int ProjectId, string? Body, int? Progress) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Body)) yield return new(nameof(Body), "Validation.Required");
        else if (Body.Length > ProjectNote.BodyMaxLength) yield return new(nameof(Body), "Validation.MaxLength", ProjectNote.BodyMaxLength);
        if (Progress is < 0 or > 100) yield return new(nameof(Progress), "Plan.ProgressRange");
    }
}

public sealed class AddProjectNoteHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AddProjectNote>
{
    public async ValueTask<Unit> Handle(AddProjectNote command, CancellationToken ct)
    {
        user.MustModerate();
        var project = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.ProjectId && n.Level == PlanLevel.Project, ct)
            ?? throw new NotFoundException($"Project {command.ProjectId}");
        var now = clock.GetUtcNow().UtcDateTime;
        db.ProjectNotes.Add(new ProjectNote { ProjectId = project.Id, AuthorId = user.Id, At = now, Body = TextInput.Lines(command.Body!.Trim())!, Progress = command.Progress });
        if (command.Progress is { } progress && project.ProjectStatus != ProjectStatus.Done) project.Progress = progress;
        var tree = await PlanLoader.LoadAsync(db, ct);
        var code = tree.Find(project.Id)?.Code ?? "";
        await notifier.ProjectProgressAsync(project.Id, $"{code} {project.Title}".Trim(), command.Body!.Trim(), user.Id, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

/// <summary>A project's page: where it sits in the plan, its notes, the entries and votes behind it.</summary>
public sealed record GetProject(int ProjectId) : IQuery<ProjectDetails>;

public sealed record ProjectNoteView(DateTime At, string AuthorName, string Body, int? Progress);

public sealed record ProjectDetails(PlanItem Project, IReadOnlyList<PlanItem> Ancestors, IReadOnlyList<ProjectNoteView> Notes);

public sealed class GetProjectHandler(IdeaBoxDb db) : IQueryHandler<GetProject, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(GetProject query, CancellationToken ct)
    {
        var tree = await PlanLoader.LoadAsync(db, ct);
        var ancestors = new List<PlanItem>();
        PlanItem? found = null;
        bool Walk(PlanItem node)
        {
            if (node.Id == query.ProjectId) { found = node; return true; }
            ancestors.Add(node);
            if (node.Children.Any(Walk)) return true;
            ancestors.RemoveAt(ancestors.Count - 1);
            return false;
        }
        tree.Axes.Any(Walk);
        if (found is null || found.Level != PlanLevel.Project) throw new NotFoundException($"Project {query.ProjectId}");
        var notes = await db.ProjectNotes.AsNoTracking().Where(n => n.ProjectId == query.ProjectId)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Select(n => new ProjectNoteView(n.At, n.Author!.DisplayName, n.Body, n.Progress)).ToListAsync(ct);
        return new ProjectDetails(found, ancestors, notes);
    }
}

/// <summary>The projects that carry an entry, with their codes, for the entry's page.</summary>
public sealed record GetEntryProjects(int EntryId) : IQuery<IReadOnlyList<PlanItem>>;

public sealed class GetEntryProjectsHandler(IdeaBoxDb db) : IQueryHandler<GetEntryProjects, IReadOnlyList<PlanItem>>
{
    public async ValueTask<IReadOnlyList<PlanItem>> Handle(GetEntryProjects query, CancellationToken ct)
    {
        var ids = await db.ProjectEntries.Where(pe => pe.EntryId == query.EntryId).Select(pe => pe.ProjectId).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var tree = await PlanLoader.LoadAsync(db, ct);
        return tree.All().Where(n => ids.Contains(n.Id)).ToList();
    }
}
