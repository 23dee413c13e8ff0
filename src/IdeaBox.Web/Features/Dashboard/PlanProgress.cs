using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Web.Features.Dashboard;

public sealed record PlanProgressRow(int Id, PlanLevel Level, string Code, string Title, double? Progress, int Projects);

/// <summary>Progress of each axis and of its strategic objectives, rolled up from the projects.</summary>
public static class PlanProgress
{
    public static async Task<IReadOnlyList<PlanProgressRow>> ComputeAsync(IdeaBoxDb db, CancellationToken ct)
    {
        var plan = await PlanLoader.LoadAsync(db, ct);
        static PlanProgressRow Row(PlanItem n) => new(n.Id, n.Level, n.Code, n.Title, n.RolledUpProgress,
            n.SelfAndDescendants().Count(d => d.Level == PlanLevel.Project));
        return plan.Axes.SelectMany(a => a.Children.Select(Row).Prepend(Row(a))).ToList();
    }
}
