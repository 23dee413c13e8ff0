namespace IdeaBox.Web.Features.Plan;

/// <summary>The whole plan as a tree, with codes, progress rolled up, and the entries and votes behind each project.</summary>
[AnySignedInUser]
public sealed record GetPlan : IQuery<PlanTree>;

public sealed class GetPlanHandler(IdeaBoxDb db) : IQueryHandler<GetPlan, PlanTree>
{
    public async ValueTask<PlanTree> Handle(GetPlan query, CancellationToken ct) => await PlanLoader.LoadAsync(db, ct);
}
