namespace IdeaBox.Web.Features.Plan;

/// <summary>A project's page: where it sits in the plan, its notes, the entries and votes behind it.</summary>
[AnySignedInUser]
public sealed record GetProject(int ProjectId) : IQuery<ProjectDetails>;

public sealed record ProjectNoteView(DateTime At, string AuthorName, string Body, int? Progress);

/// <param name="CanReport">The reader may post progress notes: a moderator, or the project's owner.</param>
public sealed record ProjectDetails(PlanItem Project, IReadOnlyList<PlanItem> Ancestors, IReadOnlyList<ProjectNoteView> Notes, bool CanReport);

public sealed class GetProjectHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetProject, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(GetProject query, CancellationToken ct)
    {
        var tree = await PlanLoader.LoadAsync(db, ct);
        var found = tree.Find(query.ProjectId);
        if (found is null || found.Level != PlanLevel.Project) throw new NotFoundException($"Project {query.ProjectId}");
        var notes = await db.ProjectNotes.AsNoTracking().Where(n => n.ProjectId == query.ProjectId)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Select(n => new ProjectNoteView(n.At, n.Author!.DisplayName, n.Body, n.Progress)).ToListAsync(ct);
        return new ProjectDetails(found, tree.AncestorsOf(found.Id), notes, ProjectRules.MayReport(found.OwnerId, user.Id, user.Moderates));
    }
}
