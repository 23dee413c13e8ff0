using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Dashboard;

public sealed class DashboardOptions
{
    /// <summary>How long a computed dashboard is reused on this node (0: never).</summary>
    public int CacheSeconds { get; set; } = 300;
}

/// <summary>Every figure of the dashboard for a period and a unit, computed by the figure handlers and kept for a few minutes.</summary>
public sealed record GetDashboard(DashboardPeriod Period, int? UnitId) : IQuery<DashboardData>;

public sealed record DashboardData(
    TrendingDifficulties Trending, HeatMap HeatMap, Funnel Funnel, IReadOnlyList<PlanProgressRow> Plan, Participation Participation,
    DateTime ComputedAt);

public sealed class GetDashboardHandler(IMediator mediator, ICurrentUser user, IMemoryCache cache, IOptions<DashboardOptions> options, TimeProvider clock)
    : IQueryHandler<GetDashboard, DashboardData>
{
    public async ValueTask<DashboardData> Handle(GetDashboard query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var key = $"dashboard:{query.Period}:{query.UnitId}";
        if (options.Value.CacheSeconds > 0 && cache.TryGetValue(key, out DashboardData? cached) && cached is not null) return cached;

        var data = new DashboardData(
            await mediator.Send(new GetTrendingDifficulties(query.Period, query.UnitId), ct),
            await mediator.Send(new GetHeatMap(query.Period, query.UnitId), ct),
            await mediator.Send(new GetFunnel(query.Period, query.UnitId), ct),
            await mediator.Send(new GetPlanProgress(), ct),
            await mediator.Send(new GetParticipation(query.Period, query.UnitId), ct),
            clock.GetUtcNow().UtcDateTime);
        if (options.Value.CacheSeconds > 0) cache.Set(key, data, TimeSpan.FromSeconds(options.Value.CacheSeconds));
        return data;
    }
}
