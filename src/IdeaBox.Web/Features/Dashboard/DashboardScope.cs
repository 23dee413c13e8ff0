namespace IdeaBox.Web.Features.Dashboard;

/// <summary>A unit the dashboard rolls figures up to: itself and every unit below it.</summary>
public sealed record UnitGroup(int Id, string Name, string Path);

/// <summary>
/// What every dashboard figure is computed over: since when (null: from the start), which part of
/// the unit tree (null: everything), and the rows that part is broken into (the units just below the
/// chosen one, or the top-level units). Weeks start on Monday, 00:00 UTC.
/// </summary>
/// <param name="UnitIds">The units of the chosen part of the tree (null: all): filtering on ids, not on a joined path, keeps the big queries on integers.</param>
public sealed record DashboardScope(DateTime? Since, DateTime Now, string? UnitPath, IReadOnlyList<UnitGroup> Rows, IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<int>? UnitIds, IReadOnlyDictionary<int, int> RowOfUnit)
{
    public static DateOnly WeekOf(DateTime utc)
    {
        var day = DateOnly.FromDateTime(utc);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static async Task<DashboardScope> ResolveAsync(IdeaBoxDb db, DashboardPeriod period, int? unitId, DateTime now, CancellationToken ct)
    {
        DateTime? since = period switch
        {
            DashboardPeriod.Days30 => now.AddDays(-30),
            DashboardPeriod.Days90 => now.AddDays(-90),
            DashboardPeriod.Months12 => now.AddMonths(-12),
            _ => null,
        };
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.Path, u.ParentId }).ToListAsync(ct);
        var chosen = unitId is { } id ? units.FirstOrDefault(u => u.Id == id) : null;
        var rows = units.Where(u => u.ParentId == chosen?.Id).OrderBy(u => u.Name).Select(u => new UnitGroup(u.Id, u.Name, u.Path)).ToList();
        if (chosen is not null && rows.Count == 0) rows = [new UnitGroup(chosen.Id, chosen.Name, chosen.Path)];

        // The weekly series: 5 weeks for 30 days, 13 for 90 days, 52 for a year and for "all".
        var weekCount = period switch { DashboardPeriod.Days30 => 5, DashboardPeriod.Days90 => 13, _ => 52 };
        var last = WeekOf(now);
        var weeks = Enumerable.Range(0, weekCount).Select(i => last.AddDays(-7 * (weekCount - 1 - i))).ToList();
        var unitIds = chosen is null ? null : units.Where(u => u.Path.StartsWith(chosen.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
        var rowOfUnit = new Dictionary<int, int>();
        foreach (var unit in units)
        {
            var row = rows.FindIndex(r => unit.Path.StartsWith(r.Path, StringComparison.Ordinal));
            if (row >= 0) rowOfUnit[unit.Id] = row;
        }
        return new DashboardScope(since, now, chosen?.Path, rows, weeks, unitIds, rowOfUnit);
    }

    public DateTime FirstWeekStart => Weeks[0].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The entries of the chosen part of the tree, created in the period, that the lists show.</summary>
    public IQueryable<Entry> Entries(IdeaBoxDb db)
    {
        var entries = db.Entries.AsNoTracking().Where(EntryRules.Listed);
        if (UnitIds is { } ids) entries = entries.Where(e => ids.Contains(e.UnitId));
        if (Since is { } since) entries = entries.Where(e => e.CreatedAt >= since);
        return entries;
    }

    /// <summary>The row a unit's figures roll up to, or null when it is outside the chosen part.</summary>
    public UnitGroup? RowOf(string unitPath) => Rows.FirstOrDefault(r => unitPath.StartsWith(r.Path, StringComparison.Ordinal));

    public int WeekIndex(DateTime utc)
    {
        var week = WeekOf(utc);
        var index = (week.DayNumber - Weeks[0].DayNumber) / 7;
        return index >= 0 && index < Weeks.Count ? index : -1;
    }
}
