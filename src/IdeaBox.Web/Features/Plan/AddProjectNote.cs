using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Plan;

/// <summary>
/// A moderator or the project's owner writes a dated progress note on a project, optionally with its
/// new progress %; followers of the entries it carries hear of it.
/// </summary>
[AnySignedInUser]
public sealed record AddProjectNote(int ProjectId, string? Body, int? Progress) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        foreach (var error in FieldRules.Required(nameof(Body), Body, ProjectNote.BodyMaxLength)) yield return error;
        if (Progress is < 0 or > 100) yield return new(nameof(Progress), "Plan.ProgressRange");
    }
}

public sealed class AddProjectNoteHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<AddProjectNote>
{
    public async ValueTask<Unit> Handle(AddProjectNote command, CancellationToken ct)
    {
        var project = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.ProjectId && n.Level == PlanLevel.Project, ct)
            ?? throw new NotFoundException($"Project {command.ProjectId}");
        if (!ProjectRules.MayReport(project.OwnerId, user.Id, user.Moderates))
            throw new ForbiddenException($"User {user.Id} neither moderates nor owns project {project.Id}.");
        var now = clock.GetUtcNow().UtcDateTime;
        db.ProjectNotes.Add(new ProjectNote { ProjectId = project.Id, AuthorId = user.Id, At = now, Body = TextInput.Lines(command.Body!.Trim())!, Progress = command.Progress });
        project.ReportProgress(command.Progress);
        var tree = await PlanLoader.LoadAsync(db, ct);
        var code = tree.Find(project.Id)?.Code ?? "";
        await notifier.ProjectProgressAsync(project.Id, $"{code} {project.Title}".Trim(), command.Body!.Trim(), user.Id, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
