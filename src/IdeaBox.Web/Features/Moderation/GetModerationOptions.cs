using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>The choices of the moderation page of an entry.</summary>
public sealed record GetModerationOptions(int EntryId) : IQuery<ModerationOptions>;

public sealed record PlanChoice(int Id, string Label);

public sealed record ModerationOptions(
    EntryStatus? StatusBeforeHidden,
    IReadOnlyList<int> ThemeIds,
    IReadOnlyList<PersonOption> Experts,
    IReadOnlyList<PlanChoice> Projects,
    IReadOnlyList<PlanChoice> OperationalObjectives,
    IReadOnlyList<int> LinkedProjectIds);

public sealed class GetModerationOptionsHandler(IdeaBoxDb db, ICurrentUser user, IMediator mediator)
    : IQueryHandler<GetModerationOptions, ModerationOptions>
{
    public async ValueTask<ModerationOptions> Handle(GetModerationOptions query, CancellationToken ct)
    {
        user.MustModerate();
        var entry = await db.Entries.AsNoTracking().Where(e => e.Id == query.EntryId)
            .Select(e => new { e.StatusBeforeHidden, ThemeIds = e.Themes.Select(t => t.Id).ToList() })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {query.EntryId}");
        var experts = await mediator.Send(new ListExperts(), ct);
        var plan = await PlanLoader.LoadAsync(db, ct);
        var all = plan.All().ToList();
        var linked = await db.ProjectEntries.Where(pe => pe.EntryId == query.EntryId).Select(pe => pe.ProjectId).ToListAsync(ct);
        return new ModerationOptions(entry.StatusBeforeHidden, entry.ThemeIds, experts,
            all.Where(n => n.Level == PlanLevel.Project && n.ProjectStatus is not (ProjectStatus.Done or ProjectStatus.Abandoned))
                .Select(n => new PlanChoice(n.Id, $"{n.Code} {n.Title}")).ToList(),
            all.Where(n => n.Level == PlanLevel.OperationalObjective).Select(n => new PlanChoice(n.Id, $"{n.Code} {n.Title}")).ToList(),
            linked);
    }
}
