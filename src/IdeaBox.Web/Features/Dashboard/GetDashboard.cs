using System.ComponentModel.DataAnnotations;
using IdeaBox.Web.Features.Plan;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Dashboard;

public sealed class DashboardOptions
{
    /// <summary>How long a computed dashboard is reused, by every node (0: never).</summary>
    [Range(0, 86_400)]
    public int CacheSeconds { get; set; } = 300;

    /// <summary>Counts by unit below this are written "&lt; N" (<see cref="SmallCounts"/>); 1 turns it off.</summary>
    [Range(1, 100)]
    public int SmallCountThreshold { get; set; } = 5;
}

/// <summary>Every figure of the leadership dashboard for a period and a unit, kept for a few minutes on each node.</summary>
[Requires(Permissions.ReadDashboard)]
public sealed record GetDashboard(DashboardPeriod Period, int? UnitId) : IQuery<DashboardData>;

public sealed record DashboardData(
    TrendingDifficulties Trending, HeatMap HeatMap, Funnel Funnel, IReadOnlyList<PlanProgressRow> Plan, Participation Participation,
    Plan.Mirror Mirror, IReadOnlyList<TransversalRow> Transversal, DateTime ComputedAt, SmallCounts Small)
{
    /// <summary>The four figures at the top of the dashboard, from the sections below them.</summary>
    public KeyFigures Figures
    {
        get
        {
            var people = Participation.Rows.Sum(r => r.Users);
            var axes = Plan.Where(p => p.Level == PlanLevel.Axis && p.Progress is not null).Select(p => p.Progress!.Value).ToList();
            return new KeyFigures(Funnel.Submitted, people == 0 ? null : (double)Participation.Rows.Sum(r => r.TookPart) / people,
                Funnel.MedianHoursToReview, axes.Count == 0 ? null : axes.Average());
        }
    }
}

/// <summary>Entries of the period, share of staff who took part, median time to a first review, the plan's progress (mean of its axes, in %).</summary>
public sealed record KeyFigures(int Entries, double? ParticipationRate, double? MedianHoursToReview, double? PlanProgress);

public sealed class GetDashboardHandler(IdeaBoxDb db, IFusionCache cache, IOptions<DashboardOptions> options, TimeProvider clock)
    : IQueryHandler<GetDashboard, DashboardData>
{
    public async ValueTask<DashboardData> Handle(GetDashboard query, CancellationToken ct)
    {
        var key = $"dashboard:{query.Period}:{query.UnitId}";
        var seconds = options.Value.CacheSeconds;
        return seconds <= 0 ? await ComputeAsync(query, ct)
            : await cache.GetOrSetAsync<DashboardData>(key, async (_, token) => await ComputeAsync(query, token), TimeSpan.FromSeconds(seconds), ct);
    }

    private async Task<DashboardData> ComputeAsync(GetDashboard query, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, now, ct);
        var data = new DashboardData(
            await TrendingDifficulties.ComputeAsync(db, scope, ct),
            await HeatMap.ComputeAsync(db, scope, ct),
            await Funnel.ComputeAsync(db, scope, ct),
            await PlanProgress.ComputeAsync(db, ct),
            await Participation.ComputeAsync(db, scope, ct),
            await MirrorQuery.ComputeAsync(db, scope, themeId: null, GetMirror.DefaultTop, ct),
            await TransversalDifficulties.ComputeAsync(db, scope, ct),
            now, new SmallCounts(Math.Max(1, options.Value.SmallCountThreshold)));
        return data;
    }
}
