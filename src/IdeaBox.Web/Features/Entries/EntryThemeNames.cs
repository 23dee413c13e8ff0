using IdeaBox.Data;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// The theme names of a few entries, read from the link table by its key. (A nested
/// <c>e.Themes.Select(...)</c> makes SQLite materialise every link before joining: 200 ms at 100,000 entries.)
/// </summary>
public static class EntryThemeNames
{
    public static async Task<ILookup<int, string>> ForAsync(IdeaBoxDb db, IReadOnlyCollection<int> entryIds, CancellationToken ct)
    {
        var ids = entryIds.Distinct().ToList();
        var rows = await db.Set<Dictionary<string, object>>("EntryThemes")
            .Where(l => ids.Contains(EF.Property<int>(l, "EntriesId")))
            .Join(db.Themes, l => EF.Property<int>(l, "ThemesId"), t => t.Id, (l, t) => new { EntryId = EF.Property<int>(l, "EntriesId"), t.Name })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name).ToLookup(r => r.EntryId, r => r.Name);
    }
}
