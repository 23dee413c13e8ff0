using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Entries;

public sealed class TransversalOptions
{
    public const string Section = "Transversal";

    /// <summary>An entry is "transversal" when its voters and commenters come from at least this many top-level administrations.</summary>
    [Range(2, 1000)]
    public int MinAdministrations { get; set; } = 3;

    /// <summary>Recount the breadth of changed entries in the background (off in the tests, which call it).</summary>
    public bool Background { get; set; } = true;

    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 30;
}

/// <summary>
/// The breadth of an entry's support: the distinct units, and top-level administrations, of the people
/// who voted for it or commented on it (visible comments), in the units they belong to now. Votes and
/// comments only mark the entry; the recount runs in batches in the background, so a vote costs nothing
/// more. It is idempotent: every node may run it.
/// </summary>
public static class Breadth
{
    public const int Batch = 500;

    /// <summary>Recounts every marked entry; returns how many.</summary>
    public static async Task<int> RecountStaleAsync(IdeaBoxDb db, CancellationToken ct)
    {
        var done = 0;
        Dictionary<int, int>? roots = null;
        while (true)
        {
            var ids = await db.Entries.Where(e => e.BreadthStale).OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0) return done;
            // Cleared first: a vote arriving during the recount marks the entry again, for the next round.
            await db.Entries.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.BreadthStale, false), ct);
            roots ??= await RootsAsync(db, ct);
            await RecountAsync(db, ids, roots, ct);
            done += ids.Count;
        }
    }

    /// <summary>Recounts these entries now (seeding, generated data).</summary>
    public static async Task RecountAsync(IdeaBoxDb db, IReadOnlyList<int> entryIds, CancellationToken ct)
    {
        var roots = await RootsAsync(db, ct);
        foreach (var chunk in entryIds.Chunk(Batch)) await RecountAsync(db, chunk, roots, ct);
    }

    private static async Task RecountAsync(IdeaBoxDb db, IReadOnlyList<int> ids, Dictionary<int, int> roots, CancellationToken ct)
    {
        var voters = db.Votes.Where(v => ids.Contains(v.EntryId))
            .Join(db.Users, v => v.UserId, u => u.Id, (v, u) => new { v.EntryId, u.UnitId });
        var commenters = db.Comments.Where(c => ids.Contains(c.EntryId) && c.HiddenAt == null)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { c.EntryId, u.UnitId });
        var pairs = await voters.Concat(commenters).Distinct().ToListAsync(ct);
        var byEntry = pairs.ToLookup(p => p.EntryId, p => p.UnitId);
        foreach (var id in ids)
        {
            var units = byEntry[id].Distinct().ToList();
            var administrations = units.Select(u => roots.GetValueOrDefault(u, u)).Distinct().Count();
            await db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.SupportUnits, units.Count).SetProperty(e => e.SupportAdministrations, administrations), ct);
        }
    }

    /// <summary>
    /// The combined support of several entries (a cluster, a call): distinct voters, and the distinct units and
    /// administrations of the people who voted or commented, with the units that gave most supporters.
    /// </summary>
    public static async Task<CombinedSupport> CombinedAsync(IdeaBoxDb db, IQueryable<int> entryIds, int topUnits, CancellationToken ct)
    {
        var voters = await db.Votes.Where(v => entryIds.Contains(v.EntryId)).Select(v => v.UserId).Distinct().CountAsync(ct);
        var people = db.Votes.Where(v => entryIds.Contains(v.EntryId)).Select(v => v.UserId)
            .Concat(db.Comments.Where(c => entryIds.Contains(c.EntryId) && c.HiddenAt == null).Select(c => c.AuthorId))
            .Distinct();
        var byUnit = await db.Users.Where(u => people.Contains(u.Id)).GroupBy(u => u.UnitId)
            .Select(g => new { UnitId = g.Key, People = g.Count() }).ToListAsync(ct);
        var roots = await RootsAsync(db, ct);
        var top = byUnit.OrderByDescending(u => u.People).ThenBy(u => u.UnitId).Take(topUnits).ToList();
        var topIds = top.Select(u => u.UnitId).ToList();
        var names = await db.Units.Where(u => topIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new CombinedSupport(voters, byUnit.Count, byUnit.Select(u => roots.GetValueOrDefault(u.UnitId, u.UnitId)).Distinct().Count(),
            [.. top.Select(u => new UnitSupport(names.GetValueOrDefault(u.UnitId, ""), u.People))]);
    }

    /// <summary>Each unit's top-level administration, from its materialised path ("/1/4/9/" → 1).</summary>
    internal static async Task<Dictionary<int, int>> RootsAsync(IdeaBoxDb db, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).ToListAsync(ct))
        .ToDictionary(u => u.Id, u => int.TryParse(u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var root) ? root : u.Id);
}

/// <summary>Combined support: distinct voters; units and administrations of voters and commenters; the units that gave most people.</summary>
public sealed record CombinedSupport(int Voters, int Units, int Administrations, IReadOnlyList<UnitSupport> TopUnits);

public sealed record UnitSupport(string Unit, int People);

/// <summary>Recounts the breadth of the entries marked since the last round, every few seconds.</summary>
public sealed class BreadthWorker(IServiceScopeFactory scopes, IOptions<TransversalOptions> options, ILogger<BreadthWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await Breadth.RecountStaleAsync(scope.ServiceProvider.GetRequiredService<IdeaBoxDb>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Recounting the breadth of entries failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
