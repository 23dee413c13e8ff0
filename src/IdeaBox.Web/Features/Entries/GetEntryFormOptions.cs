using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Entries;

/// <summary>The choices of the entry form and of the list filters: themes and the unit tree.</summary>
[AnySignedInUser]
public sealed record GetEntryFormOptions : IQuery<EntryFormOptions>;

public sealed record EntryFormOptions(IReadOnlyList<Option> Themes, IReadOnlyList<UnitOption> Units);

public sealed record Option(int Id, string Name);

/// <summary>A unit with its depth in the tree, so that selects can indent it.</summary>
public sealed record UnitOption(int Id, string Name, int Depth, string Path);

public sealed class GetEntryFormOptionsHandler(IdeaBoxDb db, IFusionCache cache) : IQueryHandler<GetEntryFormOptions, EntryFormOptions>
{
    /// <summary>Themes and units change rarely: the lists are reused for a minute (at once on every node after an administrator's change).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private static string Key(string culture) => "entry-form-options:" + culture;

    /// <summary>Called after an administrator changes themes or units.</summary>
    public static async Task ForgetAsync(IFusionCache cache, CancellationToken ct)
    {
        foreach (var culture in Cultures.Supported.Append("")) await cache.RemoveAsync(Key(culture), token: ct);
    }

    public async ValueTask<EntryFormOptions> Handle(GetEntryFormOptions query, CancellationToken ct)
    {
        var key = Key(System.Globalization.CultureInfo.CurrentCulture.Name);
        return await cache.GetOrSetAsync<EntryFormOptions>(key, async (_, token) => await LoadAsync(token), Freshness, ct);
    }

    private async Task<EntryFormOptions> LoadAsync(CancellationToken ct)
    {
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id, t.Name)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new UnitOption(u.Id, u.Name, u.Depth, u.Path)).ToListAsync(ct);
        // Depth-first order: each unit right under its parent, siblings by name.
        var ordered = OrderAsTree(units);
        return new EntryFormOptions(themes, ordered);
    }

    private static List<UnitOption> OrderAsTree(List<UnitOption> units)
    {
        var byParentPath = units.ToLookup(u => u.Path[..u.Path.TrimEnd('/').LastIndexOf('/')] + "/");
        var result = new List<UnitOption>(units.Count);
        void Visit(string parentPath)
        {
            foreach (var unit in byParentPath[parentPath].OrderBy(u => u.Name, StringComparer.CurrentCulture))
            {
                result.Add(unit);
                Visit(unit.Path);
            }
        }
        Visit("/");
        return result;
    }
}
