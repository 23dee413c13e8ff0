using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>
/// The framework's rate limiter for the requests a page marks <see cref="RateLimitedAttribute"/>:
/// each policy has a budget per signed-in person and one per network address, both must allow the
/// request. A refusal is a 429 with <c>Retry-After</c>, shown as the localised error page.
/// </summary>
public sealed class RequestLimits(IOptions<RateLimitOptions> options) : IDisposable
{
    private PartitionedRateLimiter<HttpContext> _current = Create(options);

    /// <summary>Forgets every budget spent (tests, and a change of limits).</summary>
    public void Reset() => Interlocked.Exchange(ref _current, Create(options)).Dispose();

    public void Dispose() => _current.Dispose();

    /// <summary>The limiter the middleware holds: it forwards to the current budgets.</summary>
    public PartitionedRateLimiter<HttpContext> AsGlobalLimiter() => new Forwarder(this);

    private static PartitionedRateLimiter<HttpContext> Create(IOptions<RateLimitOptions> options) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options.Value, byUser: true)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options.Value, byUser: false)));

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings, bool byUser)
    {
        var policy = settings.Enabled
            ? context.GetEndpoint()?.Metadata.GetOrderedMetadata<RateLimitedAttribute>().FirstOrDefault(a => a.Matches(context.Request))?.Policy
            : null;
        if (policy is not { } chosen) return RateLimitPartition.GetNoLimiter("");
        var rule = settings.For(chosen);
        var limit = byUser ? rule.PerUser : rule.PerAddress;
        var who = byUser ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : context.Connection.RemoteIpAddress?.ToString();
        if (limit <= 0 || who is null) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter($"{chosen}|{(byUser ? "user" : "address")}|{who}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>The middleware's global limiter: whatever <see cref="RequestLimits"/> holds now.</summary>
    private sealed class Forwarder(RequestLimits limits) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => limits._current.GetStatistics(resource);

        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => limits._current.AttemptAcquire(resource, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
            limits._current.AcquireAsync(resource, permitCount, cancellationToken);
    }
}
