using IdeaBox.Web.Features.Experts;
using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>What the moderation page of an entry offers: the moves its state allows and the choices of each form.</summary>
[Requires(Permissions.Moderate)]
public sealed record GetModerationOptions(int EntryId) : IQuery<ModerationOptions>;

public sealed record PlanChoice(int Id, string Label);

public sealed record ModerationOptions(
    ModerationChoices Choices,
    IReadOnlyList<int> ThemeIds,
    IReadOnlyList<PersonOption> Experts,
    IReadOnlyList<PlanChoice> Projects,
    IReadOnlyList<PlanChoice> OperationalObjectives,
    IReadOnlyList<int> LinkedProjectIds);

public sealed class GetModerationOptionsHandler(IdeaBoxDb db) : IQueryHandler<GetModerationOptions, ModerationOptions>
{
    public async ValueTask<ModerationOptions> Handle(GetModerationOptions query, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == query.EntryId)
            .Select(e => new { e.Status, e.Kind, ThemeIds = e.Themes.Select(t => t.Id).ToList() })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {query.EntryId}");
        var targets = await PlanTargets.LoadAsync(db, ct);
        var linked = await db.ProjectEntries.Where(pe => pe.EntryId == query.EntryId).Select(pe => pe.ProjectId).ToListAsync(ct);
        return new ModerationOptions(ModerationChoices.For(entry.Status, entry.Kind), entry.ThemeIds, await ExpertQueries.ExpertsAsync(db, ct),
            targets.Nodes, targets.OperationalObjectives, linked);
    }
}

/// <summary>The choices of a promotion form outside an entry's page (a cluster's).</summary>
[Requires(Permissions.Moderate)]
public sealed record GetPlanTargets : IQuery<PlanTargets>;

public sealed class GetPlanTargetsHandler(IdeaBoxDb db) : IQueryHandler<GetPlanTargets, PlanTargets>
{
    public async ValueTask<PlanTargets> Handle(GetPlanTargets query, CancellationToken ct) => await PlanTargets.LoadAsync(db, ct);
}

/// <summary>The nodes that can carry entries, and the operational objectives a new project can go under (the promotion forms' choices).</summary>
public sealed record PlanTargets(IReadOnlyList<PlanChoice> Nodes, IReadOnlyList<PlanChoice> OperationalObjectives)
{
    public static async Task<PlanTargets> LoadAsync(IdeaBoxDb db, CancellationToken ct)
    {
        var all = (await PlanLoader.LoadAsync(db, ct, withEntries: false)).All().ToList();
        return new PlanTargets(
            // Any node of the plan can carry an entry; a project only while it is still running.
            [.. all.Where(n => n.Level != PlanLevel.Project || n.ProjectStatus is not (ProjectStatus.Done or ProjectStatus.Abandoned))
                .Select(n => new PlanChoice(n.Id, $"{n.Code} {n.Title}"))],
            [.. all.Where(n => n.Level == PlanLevel.OperationalObjective).Select(n => new PlanChoice(n.Id, $"{n.Code} {n.Title}"))]);
    }
}
