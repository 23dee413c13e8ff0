using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>
/// Password guessing, throttled before it can lock anyone out. One address may fail to sign in to one
/// account <see cref="RateLimitOptions.AttemptsPerAccountAndAddress"/> times per window, fewer than the
/// <see cref="RateLimitOptions.FailuresBeforeLockout"/> failures (from anywhere) that lock the account:
/// a single address can slow an attacker down but never keep a named person out. The same budgets
/// apply to addresses that have no account, so the answers do not tell which ones exist. With Redis configured the
/// counts are shared by every node (fixed windows there, sliding windows in memory).
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options, SharedLimits shared) : IDisposable
{
    private Limiters _current = new(options.Value);

    /// <summary>Null when <paramref name="address"/> may try <paramref name="account"/> now (it has failures left); otherwise how long to wait.</summary>
    public TimeSpan? Attempt(IPAddress? address, string account)
    {
        if (!options.Value.Enabled) return null;
        // Several nodes: the count kept in Redis, the same whichever node answers.
        if (shared.Redis is not null && shared.Peek(AttemptsKey(address, account)) is { } seen)
            return seen.Count < options.Value.AttemptsPerAccountAndAddress ? null : seen.Remaining > TimeSpan.Zero ? seen.Remaining : TimeSpan.FromSeconds(1);
        // Zero permits: a look at the budget, spent only by failures.
        using var lease = _current.Attempts.AttemptAcquire(Key(address, account), 0);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(options.Value.AccountWindowMinutes);
    }

    /// <summary>Counts a failed sign-in for <paramref name="account"/> from <paramref name="address"/>; true when the account has failed too often, from anywhere, and must be locked.</summary>
    public bool FailedTooOften(IPAddress? address, string account)
    {
        if (!options.Value.Enabled) return false;
        var window = TimeSpan.FromMinutes(options.Value.AccountWindowMinutes);
        if (shared.Redis is not null && shared.Count(AttemptsKey(address, account), window) is not null
            && shared.Count("signin:failures:" + Normalize(account), window) is { } failures)
            return failures > Math.Max(1, options.Value.FailuresBeforeLockout - 1);
        _current.Attempts.AttemptAcquire(Key(address, account)).Dispose();
        using var lease = _current.Failures.AttemptAcquire(Normalize(account));
        return !lease.IsAcquired;
    }

    /// <summary>Forgets every attempt (tests, and a change of limits).</summary>
    public void Reset() => Interlocked.Exchange(ref _current, new Limiters(options.Value)).Dispose();

    public void Dispose() => _current.Dispose();

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private static string Key(IPAddress? address, string account) => $"{address}|{Normalize(account)}";

    private static string AttemptsKey(IPAddress? address, string account) => "signin:attempts:" + Key(address, account);

    private sealed class Limiters(RateLimitOptions settings) : IDisposable
    {
        public PartitionedRateLimiter<string> Attempts { get; } = Window(settings.AttemptsPerAccountAndAddress, settings.AccountWindowMinutes);
        // The failure that reaches the threshold is the one refused: it locks the account.
        public PartitionedRateLimiter<string> Failures { get; } = Window(Math.Max(1, settings.FailuresBeforeLockout - 1), settings.AccountWindowMinutes);

        private static PartitionedRateLimiter<string> Window(int limit, int minutes) => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(minutes),
                SegmentsPerWindow = minutes,
                QueueLimit = 0,
            }));

        public void Dispose()
        {
            Attempts.Dispose();
            Failures.Dispose();
        }
    }
}
