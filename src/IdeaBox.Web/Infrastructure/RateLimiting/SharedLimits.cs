using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>
/// Where the budgets of several nodes meet: the Redis server of <c>Redis:Configuration</c>, or nothing (one node,
/// budgets in memory). When Redis does not answer, each node falls back to its own budgets and says so once a minute
/// (a warning): requests are neither refused nor failed because the shared counter is away.
/// </summary>
public sealed class SharedLimits(IOptions<RedisOptions> redis, IServiceProvider services, ILogger<SharedLimits> log, TimeProvider clock)
{
    private static readonly LuaScript Hit = LuaScript.Prepare(
        "local c = redis.call('INCR', @key) if c == 1 then redis.call('PEXPIRE', @key, @window) end return { c, redis.call('PTTL', @key) }");

    private long _lastWarning;

    /// <summary>The shared server, or null on a single node.</summary>
    public IConnectionMultiplexer? Redis => redis.Value.Enabled ? services.GetRequiredService<IConnectionMultiplexer>() : null;

    public string Key(string name) => redis.Value.KeyPrefix + "limits:" + name;

    /// <summary>How many hits <paramref name="name"/> had in its current window, and when that window ends; null when Redis did not answer.</summary>
    public (long Count, TimeSpan Remaining)? Peek(string name)
    {
        try
        {
            var db = Redis!.GetDatabase();
            var key = Key(name);
            var count = db.StringGet(key);
            var ttl = db.KeyTimeToLive(key);
            return (count.IsNull ? 0 : (long)count, ttl ?? TimeSpan.Zero);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            Unavailable(e);
            return null;
        }
    }

    /// <summary>Counts one hit of <paramref name="name"/> in a window of <paramref name="window"/>; null when Redis did not answer.</summary>
    public long? Count(string name, TimeSpan window)
    {
        try
        {
            var result = (RedisResult[])Redis!.GetDatabase().ScriptEvaluate(Hit, new { key = (RedisKey)Key(name), window = (long)window.TotalMilliseconds })!;
            return (long)result[0];
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            Unavailable(e);
            return null;
        }
    }

    public static bool IsUnavailable(Exception e) => e is RedisException or RedisTimeoutException or TimeoutException;

    /// <summary>Logs that the shared budgets are away, at most once a minute.</summary>
    public void Unavailable(Exception e)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last < 60 || Interlocked.CompareExchange(ref _lastWarning, now, last) != last) return;
        log.LogWarning(e, "Redis does not answer: rate limits are counted by each node on its own until it does.");
    }
}
