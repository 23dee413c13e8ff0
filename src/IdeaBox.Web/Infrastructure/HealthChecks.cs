using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// What an orchestrator probes. <c>/health/live</c>: the process answers (restart it when it does not).
/// <c>/health/ready</c>: it can serve users — the database answers and its schema is up to date (send it no
/// traffic until then); with Redis configured, Redis answers too — "Degraded" (still 200) when it does not, because
/// every node would lose it at once and each keeps serving from memory. <c>/health</c> stays as it was, the readiness checks.
/// </summary>
public static class HealthChecks
{
    public const string Ready = "ready";

    public static IServiceCollection AddIdeaBoxHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<IdeaBoxDb>("database", tags: [Ready])
            .AddCheck<PendingMigrationsCheck>("migrations", tags: [Ready]);
        if (configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() is { Enabled: true })
            checks.AddCheck<RedisCheck>("redis", HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    private sealed class RedisCheck(StackExchange.Redis.IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
            }
            catch (Exception e) when (RateLimiting.SharedLimits.IsUnavailable(e))
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer: caches and rate limits are per node.", e);
            }
        }
    }

    public static void MapIdeaBoxHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }

    /// <summary>Unhealthy while the database lacks a migration this build expects (run "migrate" first).</summary>
    private sealed class PendingMigrationsCheck(IdeaBoxDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}: run \"IdeaBox.Web migrate\".");
        }
    }
}
