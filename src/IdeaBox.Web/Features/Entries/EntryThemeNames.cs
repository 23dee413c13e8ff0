namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// The theme names of entries, read from the link table by its key. (A nested
/// <c>e.Themes.Select(...)</c> makes SQLite materialise every link before joining: 200 ms at 100,000 entries.)
/// </summary>
public static class EntryThemeNames
{
    /// <summary>Beyond this many entries (an export) every link is read once and filtered here, rather than sending the ids.</summary>
    private const int ByIdUpTo = 1000;

    public static async Task<ILookup<int, string>> ForAsync(IdeaBoxDb db, IReadOnlyCollection<int> entryIds, CancellationToken ct)
    {
        var ids = entryIds.ToHashSet();
        var links = db.Set<Dictionary<string, object>>("EntryThemes").AsQueryable();
        if (ids.Count <= ByIdUpTo)
        {
            var list = ids.ToList();
            links = links.Where(l => list.Contains(EF.Property<int>(l, "EntriesId")));
        }
        var rows = await links
            .Join(db.Themes, l => EF.Property<int>(l, "ThemesId"), t => t.Id, (l, t) => new { EntryId = EF.Property<int>(l, "EntriesId"), t.Name })
            .ToListAsync(ct);
        return rows.Where(r => ids.Contains(r.EntryId)).OrderBy(r => r.Name).ToLookup(r => r.EntryId, r => r.Name);
    }
}
