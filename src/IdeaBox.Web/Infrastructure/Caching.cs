using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace IdeaBox.Web.Infrastructure;

/// <summary>The "Redis" section: the server that several nodes share for their caches and rate limits.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string ("redis:6379,password=…,ssl=true"); empty on a single node.</summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key, so that several applications (or a test and an app) can share one server.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public string KeyPrefix { get; set; } = "ideabox:";

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}

/// <summary>
/// The application's cache (decision 0018): FusionCache, in memory on each node; with <c>Redis:Configuration</c>
/// a second level in Redis that every node reads, and a backplane that makes each node drop its own copy when
/// another node changes or removes an entry. Redis going away degrades to memory only (logged), never to errors.
/// </summary>
public static class Caching
{
    /// <summary>How cached values are written to Redis. Fields too: value tuples are fields, and a few cached views hold them.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new() { IncludeFields = true };

    public static IServiceCollection AddIdeaBoxCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RedisOptions>(configuration.GetSection(RedisOptions.Section));
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        var cache = services.AddFusionCache()
            .WithOptions(o =>
            {
                o.CacheKeyPrefix = redis.KeyPrefix;
                o.BackplaneChannelPrefix = redis.KeyPrefix + "backplane";
                // The first request after a start must already hear the other nodes' changes.
                o.WaitForInitialBackplaneSubscribe = true;
                // A node that misses a backplane message (Redis restarting) must not keep a stale copy for long.
                o.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(5);
                o.BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(5);
                // Redis away is a degraded service (readiness says so), not an application error.
                o.DistributedCacheErrorsLogLevel = LogLevel.Warning;
                o.BackplaneErrorsLogLevel = LogLevel.Warning;
            })
            .WithPostSetup((sp, fusion) =>
            {
                if (sp.GetService<IdeaBoxMetrics>() is { } metrics) CountLookups(fusion, metrics, redis.KeyPrefix);
            })
            .WithDefaultEntryOptions(o =>
            {
                o.Duration = TimeSpan.FromMinutes(1);
                // A change returns once the other nodes have been told, so the next page anywhere shows it.
                o.AllowBackgroundBackplaneOperations = false;
                o.AllowBackgroundDistributedCacheOperations = false;
                o.DistributedCacheSoftTimeout = TimeSpan.FromMilliseconds(500);
                o.DistributedCacheHardTimeout = TimeSpan.FromSeconds(2);
            });
        if (!redis.Enabled) return services;

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis.Configuration!);
            // Start even when Redis is down: readiness reports it, caches fall back to memory.
            options.AbortOnConnectFail = false;
            // While Redis is away a command fails at once (each node falls back on its own memory) instead of waiting in a queue.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ClientName ??= "ideabox-" + Environment.MachineName;
            return ConnectionMultiplexer.Connect(options);
        });
        cache.WithSerializer(new FusionCacheSystemTextJsonSerializer(Json))
            .WithDistributedCache(sp => new RedisCache(Microsoft.Extensions.Options.Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
            })))
            .WithBackplane(sp => new RedisBackplane(new RedisBackplaneOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()),
            }));
        return services;
    }

    /// <summary>
    /// Hits and misses of the shared cache on the IdeaBox meter, named by the key's first segment (home, dashboard,
    /// calls, branding, entry-form-options, entry-count): the hit ratio an operator watches.
    /// </summary>
    private static void CountLookups(IFusionCache cache, IdeaBoxMetrics metrics, string prefix)
    {
        cache.Events.Hit += (_, e) => Count(e.Key, hit: true);
        cache.Events.Miss += (_, e) => Count(e.Key, hit: false);

        void Count(string key, bool hit)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) key = key[prefix.Length..];
            var name = key.Split(':', 2)[0];
            // The search generation is bookkeeping: the rankings count their own lookups (SearchRanks).
            if (name != "search") metrics.CacheLookup(name, hit);
        }
    }
}
