using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// What an orchestrator probes. <c>/health/live</c>: the process answers (restart it when it does not).
/// <c>/health/ready</c>: it can serve users — the database answers and its schema is up to date (send it no
/// traffic until then). <c>/health</c> stays as it was, the readiness checks.
/// </summary>
public static class HealthChecks
{
    public const string Ready = "ready";

    public static IServiceCollection AddIdeaBoxHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<IdeaBoxDb>("database", tags: [Ready])
            .AddCheck<PendingMigrationsCheck>("migrations", tags: [Ready]);
        return services;
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
