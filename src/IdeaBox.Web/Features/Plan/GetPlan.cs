namespace IdeaBox.Web.Features.Plan;

/// <summary>The whole plan as a tree, with codes, progress rolled up, and the entries and votes behind each project.</summary>
[AnySignedInUser]
public sealed record GetPlan : IQuery<PlanTree>;

public sealed class GetPlanHandler(IdeaBoxDb db) : IQueryHandler<GetPlan, PlanTree>
{
    public async ValueTask<PlanTree> Handle(GetPlan query, CancellationToken ct) => await PlanLoader.LoadAsync(db, ct);
}

/// <summary>The same plan for its download, which is for those who need it (every download is a security event).</summary>
[Requires(Permissions.Export)]
public sealed record GetPlanForExport : IQuery<PlanTree>;

public sealed class GetPlanForExportHandler(IdeaBoxDb db) : IQueryHandler<GetPlanForExport, PlanTree>
{
    public async ValueTask<PlanTree> Handle(GetPlanForExport query, CancellationToken ct) => await PlanLoader.LoadAsync(db, ct);
}
