using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Dashboard;

/// <summary>The ten difficulties with the highest trending score that got votes in the period, each with its votes per week.</summary>
public sealed record GetTrendingDifficulties(DashboardPeriod Period, int? UnitId) : IQuery<TrendingDifficulties>;

public sealed record TrendingDifficulty(int Id, string Title, string UnitName, int VoteCount, IReadOnlyList<int> WeeklyVotes);

public sealed record TrendingDifficulties(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<TrendingDifficulty> Items);

public sealed class GetTrendingDifficultiesHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetTrendingDifficulties, TrendingDifficulties>
{
    public const int Top = 10;

    public async ValueTask<TrendingDifficulties> Handle(GetTrendingDifficulties query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, clock.GetUtcNow().UtcDateTime, ct);
        var entries = db.Entries.AsNoTracking().Where(e => e.Kind == EntryKind.Difficulty
            && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged);
        if (scope.UnitIds is { } unitIds) entries = entries.Where(e => unitIds.Contains(e.UnitId));
        entries = scope.Since is { } since
            ? entries.Where(e => db.Votes.Any(v => v.EntryId == e.Id && v.CreatedAt >= since))
            : entries.Where(e => e.VoteCount > 0);
        var top = await entries.OrderByDescending(e => e.TrendingScore).ThenByDescending(e => e.Id).Take(Top)
            .Select(e => new { e.Id, e.Title, UnitName = e.Unit!.Name, e.VoteCount }).ToListAsync(ct);

        var ids = top.Select(t => t.Id).ToList();
        var start = scope.FirstWeekStart;
        var votes = await db.Votes.AsNoTracking().Where(v => ids.Contains(v.EntryId) && v.CreatedAt >= start)
            .Select(v => new { v.EntryId, v.CreatedAt }).ToListAsync(ct);
        var weekly = ids.ToDictionary(id => id, _ => new int[scope.Weeks.Count]);
        foreach (var vote in votes)
        {
            var week = scope.WeekIndex(vote.CreatedAt);
            if (week >= 0) weekly[vote.EntryId][week]++;
        }
        return new TrendingDifficulties(scope.Weeks, top.Select(t => new TrendingDifficulty(t.Id, t.Title, t.UnitName, t.VoteCount, weekly[t.Id])).ToList());
    }
}
