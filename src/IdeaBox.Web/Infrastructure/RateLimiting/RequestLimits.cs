using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;
using StackExchange.Redis;

namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>
/// The framework's rate limiter for the requests a page marks <see cref="RateLimitedAttribute"/>:
/// each policy has a budget per signed-in person and one per network address, both must allow the
/// request. A refusal is a 429 with <c>Retry-After</c>, shown as the localised error page. With Redis configured the
/// budgets are counted there (the RedisRateLimiting library's fixed windows), so that two nodes behind a load
/// balancer give no one twice the budget; when Redis does not answer, each node counts on its own.
/// </summary>
public sealed class RequestLimits(IOptions<RateLimitOptions> options, SharedLimits shared) : IDisposable
{
    private PartitionedRateLimiter<HttpContext> _current = Create(options, null);
    private readonly SharedLimits _sharedLimits = shared;
    private readonly PartitionedRateLimiter<HttpContext>? _shared = shared.Redis is { } redis ? Create(options, () => (redis, shared.Key("requests:"))) : null;

    /// <summary>Forgets every budget spent in memory (tests, and a change of limits).</summary>
    public void Reset() => Interlocked.Exchange(ref _current, Create(options, null)).Dispose();

    public void Dispose()
    {
        _current.Dispose();
        _shared?.Dispose();
    }

    /// <summary>The limiter the middleware holds: it forwards to the current budgets.</summary>
    public PartitionedRateLimiter<HttpContext> AsGlobalLimiter() => new Forwarder(this);

    private static PartitionedRateLimiter<HttpContext> Create(IOptions<RateLimitOptions> options, Func<(IConnectionMultiplexer Redis, string Prefix)>? redis) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options.Value, byUser: true, redis)),
            PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options.Value, byUser: false, redis)));

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings, bool byUser, Func<(IConnectionMultiplexer Redis, string Prefix)>? redis)
    {
        var policy = settings.Enabled
            ? context.GetEndpoint()?.Metadata.GetOrderedMetadata<RateLimitedAttribute>().FirstOrDefault(a => a.Matches(context.Request))?.Policy
            : null;
        if (policy is not { } chosen) return RateLimitPartition.GetNoLimiter("");
        var rule = settings.For(chosen);
        var limit = byUser ? rule.PerUser : rule.PerAddress;
        var who = byUser ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : context.Connection.RemoteIpAddress?.ToString();
        if (limit <= 0 || who is null) return RateLimitPartition.GetNoLimiter("");
        var key = $"{chosen}|{(byUser ? "user" : "address")}|{who}";
        if (redis is not null)
        {
            var (server, prefix) = redis();
            return RedisRateLimitPartition.GetFixedWindowRateLimiter(prefix + key, _ => new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => server,
                PermitLimit = limit,
                Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            });
        }
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private sealed class NotYet : RateLimitLease
    {
        public static readonly NotYet Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    /// <summary>The middleware's global limiter: whatever <see cref="RequestLimits"/> holds now.</summary>
    private sealed class Forwarder(RequestLimits limits) : PartitionedRateLimiter<HttpContext>
    {
        public override RateLimiterStatistics? GetStatistics(HttpContext resource) => limits._current.GetStatistics(resource);

        // The middleware tries a synchronous acquire first and waits only when it fails: with Redis that first try
        // must fail (a network call cannot answer synchronously), so that the shared count decides.
        protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
            limits._shared is null ? limits._current.AttemptAcquire(resource, permitCount) : NotYet.Instance;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
        {
            if (limits._shared is { } shared)
            {
                try
                {
                    return await shared.AcquireAsync(resource, permitCount, cancellationToken);
                }
                catch (Exception e) when (SharedLimits.IsUnavailable(e))
                {
                    limits._sharedLimits.Unavailable(e);
                }
            }
            return await limits._current.AcquireAsync(resource, permitCount, cancellationToken);
        }
    }
}
