using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IdeaBox.Web.Infrastructure.RateLimiting;

public static class RateLimitingSetup
{
    /// <summary>The "RateLimits" budgets, the request limiter and the sign-in throttle; a refusal carries <c>Retry-After</c>.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<SharedLimits>();
        services.AddSingleton<RequestLimits>();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestLimits>((o, limits) =>
        {
            o.GlobalLimiter = limits.AsGlobalLimiter();
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                // In memory the wait is a TimeSpan; the Redis limiter gives it in whole seconds under the same name.
                int? seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : context.Lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var raw) && raw is int whole ? whole : null;
                if (seconds is { } wait)
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, wait).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
