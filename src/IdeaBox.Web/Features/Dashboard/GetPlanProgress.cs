using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Dashboard;

/// <summary>Progress of each axis and of its strategic objectives, rolled up from the projects.</summary>
public sealed record GetPlanProgress : IQuery<IReadOnlyList<PlanProgressRow>>;

public sealed record PlanProgressRow(int Id, PlanLevel Level, string Code, string Title, double? Progress, int Projects);

public sealed class GetPlanProgressHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetPlanProgress, IReadOnlyList<PlanProgressRow>>
{
    public async ValueTask<IReadOnlyList<PlanProgressRow>> Handle(GetPlanProgress query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var plan = await PlanLoader.LoadAsync(db, ct);
        static PlanProgressRow Row(PlanItem n) => new(n.Id, n.Level, n.Code, n.Title, n.RolledUpProgress,
            n.SelfAndDescendants().Count(d => d.Level == PlanLevel.Project));
        return plan.Axes.SelectMany(a => a.Children.Select(Row).Prepend(Row(a))).ToList();
    }
}
