namespace IdeaBox.Web.Features.Dashboard;

public sealed record HeatCell(int Entries, int Votes);

/// <summary>Entries submitted in the period, and votes cast in the period, per unit (rolled up) and theme.</summary>
public sealed record HeatMap(IReadOnlyList<UnitGroup> Rows, IReadOnlyList<string> Themes, IReadOnlyList<IReadOnlyList<HeatCell>> Cells)
{
    public int MaxEntries => Cells.SelectMany(r => r).Select(c => c.Entries).DefaultIfEmpty().Max();

    public static async Task<HeatMap> ComputeAsync(IdeaBoxDb db, DashboardScope scope, CancellationToken ct)
    {
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);

        // The many-to-many link table, joined directly: SQLite has no APPLY for a nested SelectMany.
        var links = db.Set<Dictionary<string, object>>("EntryThemes");
        var entryCounts = await scope.Entries(db)
            .Join(links, e => e.Id, l => EF.Property<int>(l, "EntriesId"), (e, l) => new { e.UnitId, ThemeId = EF.Property<int>(l, "ThemesId") })
            .GroupBy(x => new { x.UnitId, x.ThemeId })
            .Select(g => new { g.Key.UnitId, g.Key.ThemeId, Count = g.Count() })
            .ToListAsync(ct);

        var listed = db.Entries.Where(EntryRules.Listed);
        if (scope.UnitIds is { } unitIds) listed = listed.Where(e => unitIds.Contains(e.UnitId));
        var votes = db.Votes.AsNoTracking().AsQueryable();
        if (scope.Since is { } since) votes = votes.Where(v => v.CreatedAt >= since);
        // Votes per entry first (one pass over the votes), then per unit and theme.
        var perEntry = votes.GroupBy(v => v.EntryId).Select(g => new { EntryId = g.Key, Count = g.Count() });
        var voteCounts = await perEntry.Join(listed, v => v.EntryId, e => e.Id, (v, e) => new { e.Id, e.UnitId, v.Count })
            .Join(links, x => x.Id, l => EF.Property<int>(l, "EntriesId"), (x, l) => new { x.UnitId, ThemeId = EF.Property<int>(l, "ThemesId"), x.Count })
            .GroupBy(x => new { x.UnitId, x.ThemeId })
            .Select(g => new { g.Key.UnitId, g.Key.ThemeId, Count = g.Sum(x => x.Count) })
            .ToListAsync(ct);

        var column = themes.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var entryGrid = scope.Rows.Select(_ => new int[themes.Count]).ToList();
        var voteGrid = scope.Rows.Select(_ => new int[themes.Count]).ToList();
        void Add(List<int[]> grid, int unitId, int themeId, int count)
        {
            if (scope.RowOfUnit.TryGetValue(unitId, out var row)) grid[row][column[themeId]] += count;
        }
        foreach (var c in entryCounts) Add(entryGrid, c.UnitId, c.ThemeId, c.Count);
        foreach (var c in voteCounts) Add(voteGrid, c.UnitId, c.ThemeId, c.Count);

        var cells = scope.Rows.Select((_, r) => (IReadOnlyList<HeatCell>)themes.Select((_, c) => new HeatCell(entryGrid[r][c], voteGrid[r][c])).ToList()).ToList();
        return new HeatMap(scope.Rows, themes.Select(t => t.Name).ToList(), cells);
    }
}
