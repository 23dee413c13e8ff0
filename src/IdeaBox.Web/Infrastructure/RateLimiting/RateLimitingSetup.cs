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
        services.AddSingleton<RequestLimits>();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestLimits>((o, limits) =>
        {
            o.GlobalLimiter = limits.AsGlobalLimiter();
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
