namespace IdeaBox.Web.Features.Entries;

/// <summary>The filters the entry list and the triage queue share. A unit includes every unit below it.</summary>
public static class EntryFilters
{
    public static async Task<IQueryable<Entry>> FilterAsync(this IQueryable<Entry> entries, IdeaBoxDb db,
        EntryKind? kind, int? themeId, int? unitId, EntryOrigin? origin, CancellationToken ct)
    {
        if (kind is { } k) entries = entries.Where(e => e.Kind == k);
        if (themeId is { } themeIdValue) entries = entries.Where(e => e.Themes.Any(t => t.Id == themeIdValue));
        if (origin is { } o) entries = entries.Where(e => e.Origin == o);
        if (unitId is { } unitIdValue)
        {
            var path = await db.Units.Where(u => u.Id == unitIdValue).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "#none#";
            entries = entries.Where(e => e.Unit!.Path.StartsWith(path));
        }
        return entries;
    }
}
