using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Infrastructure.Search;

/// <summary>
/// The ranked matches of recent searches, the same for everyone, kept until an entry's text changes. Ranking a
/// common word scores every entry that holds it (tens of milliseconds at 100,000 entries); most searches repeat.
/// Each node keeps its own, bounded in size and in age, under a generation shared through the application's cache:
/// a new or edited entry (this is also an interceptor on saves) starts a new generation, which every node sees at
/// once when Redis is configured (the cache's backplane), and within <see cref="Lifetime"/> otherwise. Statuses are not kept here:
/// the list filters the matches on each request, so a hidden entry leaves every search at once.
/// </summary>
public sealed class SearchRanks(IdeaBoxMetrics metrics, IFusionCache shared) : SaveChangesInterceptor, IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>How many matches all kept searches may hold together (about 40 bytes each).</summary>
    public const int Capacity = 500_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private const string GenerationKey = "search:generation";
    private static readonly FusionCacheEntryOptions GenerationOptions = new() { Duration = TimeSpan.FromDays(1) };

    /// <summary>The matches of <paramref name="words"/> with their rank (lower is better), ranked by <paramref name="rank"/> when not kept.</summary>
    public async Task<Dictionary<int, double>> GetOrRankAsync(IReadOnlyList<string> words, Func<Task<Dictionary<int, double>>> rank)
    {
        // The generation in the key: a ranking that started before an entry changed is not kept under the new one.
        var generation = await shared.GetOrSetAsync<string>(GenerationKey, (_, _) => Task.FromResult(NewGeneration()), GenerationOptions);
        var key = $"{generation}:{string.Join(' ', words)}";
        if (_cache.TryGetValue(key, out Dictionary<int, double>? ranks) && ranks is not null)
        {
            metrics.CacheLookup("search", hit: true);
            return ranks;
        }
        metrics.CacheLookup("search", hit: false);
        ranks = await rank();
        _cache.Set(key, ranks, new MemoryCacheEntryOptions { Size = Math.Max(1, ranks.Count), AbsoluteExpirationRelativeToNow = Lifetime });
        return ranks;
    }

    /// <summary>Forgets every kept search: an entry's title or text changed, or an entry was added.</summary>
    public void Invalidate()
    {
        shared.Set(GenerationKey, NewGeneration(), GenerationOptions);
        _cache.Clear();
    }

    /// <summary>The same, without blocking a thread on Redis.</summary>
    public async Task InvalidateAsync()
    {
        await shared.SetAsync(GenerationKey, NewGeneration(), GenerationOptions);
        _cache.Clear();
    }

    private static string NewGeneration() => Guid.NewGuid().ToString("N");

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Sweep(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.Remove(context)) await InvalidateAsync();
        return result;
    }

    /// <summary>Contexts whose save adds an entry or changes a title or a text, between saving and saved.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    private void Mark(DbContext? context)
    {
        if (context is null) return;
        var changesText = context.ChangeTracker.Entries<Entry>().Any(e => e.State == EntityState.Added
            || (e.State == EntityState.Modified && (e.Property(x => x.Title).IsModified || e.Property(x => x.Body).IsModified)));
        if (changesText) _pending.AddOrUpdate(context, this);
    }

    private void Sweep(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) Invalidate();
    }

    public void Dispose() => _cache.Dispose();
}
