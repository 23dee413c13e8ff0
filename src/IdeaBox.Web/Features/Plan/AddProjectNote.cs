using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Plan;

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
