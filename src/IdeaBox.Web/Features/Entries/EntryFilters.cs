namespace IdeaBox.Web.Features.Entries;

/// <summary>The filters the entry list and the triage queue share. A unit includes every unit below it.</summary>
public static class EntryFilters
{
    /// <summary>
    /// A theme with at most this many entries is filtered from its own rows (the join table's index), then
    /// sorted; a larger one by walking the list's order and keeping its entries. Either way round is fast
    /// for one kind of theme and slow for the other: an empty theme walked the whole list (0.8 s at 100,000
    /// entries), a large one read from its rows sorted thousands.
    /// </summary>
    public const int RareThemeBelow = 2_000;

    public static async Task<IQueryable<Entry>> FilterAsync(this IQueryable<Entry> entries, IdeaBoxDb db,
        EntryKind? kind, int? themeId, int? unitId, EntryOrigin? origin, CancellationToken ct, int rareThemeBelow = RareThemeBelow)
    {
        if (kind is { } k) entries = entries.Where(e => e.Kind == k);
        if (themeId is { } themeIdValue)
        {
            var themed = db.Set<Dictionary<string, object>>("EntryThemes")
                .Where(x => EF.Property<int>(x, "ThemesId") == themeIdValue).Select(x => EF.Property<int>(x, "EntriesId"));
            entries = await themed.Take(rareThemeBelow + 1).CountAsync(ct) <= rareThemeBelow
                ? entries.Where(e => themed.Contains(e.Id))
                : entries.Where(e => e.Themes.Any(t => t.Id == themeIdValue));
        }
        if (origin is { } o) entries = entries.Where(e => e.Origin == o);
        if (unitId is { } unitIdValue)
        {
            var path = await db.Units.Where(u => u.Id == unitIdValue).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "#none#";
            entries = entries.Where(e => e.Unit!.Path.StartsWith(path));
        }
        return entries;
    }
}
