namespace IdeaBox.Web.Features.Dashboard;

public sealed record TrendingDifficulty(int Id, string Title, string UnitName, int VoteCount, IReadOnlyList<int> WeeklyVotes);

/// <summary>The ten difficulties with the highest trending score that got votes in the period, each with its votes per week.</summary>
public sealed record TrendingDifficulties(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<TrendingDifficulty> Items)
{
    public const int Top = 10;

    public static async Task<TrendingDifficulties> ComputeAsync(IdeaBoxDb db, DashboardScope scope, CancellationToken ct)
    {
        var entries = db.Entries.AsNoTracking().Where(EntryRules.Listed).Where(e => e.Kind == EntryKind.Difficulty);
        if (scope.UnitIds is { } unitIds) entries = entries.Where(e => unitIds.Contains(e.UnitId));
        entries = scope.Since is { } since
            ? entries.Where(e => db.Votes.Any(v => v.EntryId == e.Id && v.CreatedAt >= since))
            : entries.Where(e => e.VoteCount > 0);
        var top = await entries.OrderByDescending(e => e.TrendingScore).ThenByDescending(e => e.Id).Take(Top)
            .Select(e => new { e.Id, e.Title, UnitName = e.Unit!.Name, e.VoteCount }).ToListAsync(ct);

        var ids = top.Select(t => t.Id).ToList();
        var start = scope.FirstWeekStart;
        var votes = await db.Votes.AsNoTracking().Where(v => ids.Contains(v.EntryId) && v.CreatedAt >= start)
            .Select(v => new { v.EntryId, v.CreatedAt }).ToListAsync(ct);
        var weekly = ids.ToDictionary(id => id, _ => new int[scope.Weeks.Count]);
        foreach (var vote in votes)
        {
            var week = scope.WeekIndex(vote.CreatedAt);
            if (week >= 0) weekly[vote.EntryId][week]++;
        }
        return new TrendingDifficulties(scope.Weeks, top.Select(t => new TrendingDifficulty(t.Id, t.Title, t.UnitName, t.VoteCount, weekly[t.Id])).ToList());
    }
}
