using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Dashboard;

/// <summary>Only leadership, moderators and administrators see the dashboard.</summary>
internal static class DashboardAccess
{
    public static void MustSeeDashboard(this ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Leadership) && !user.IsModerator && !user.IsAdministrator)
            throw new ForbiddenException("The dashboard is for leadership, moderators and administrators.");
    }
}

// ---------------------------------------------------------------- trending difficulties

/// <summary>The ten difficulties with the highest trending score that got votes in the period, each with its votes per week.</summary>
public sealed record GetTrendingDifficulties(DashboardPeriod Period, int? UnitId) : IQuery<TrendingDifficulties>;

public sealed record TrendingDifficulty(int Id, string Title, string UnitName, int VoteCount, IReadOnlyList<int> WeeklyVotes);

public sealed record TrendingDifficulties(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<TrendingDifficulty> Items);

public sealed class GetTrendingDifficultiesHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetTrendingDifficulties, TrendingDifficulties>
{
    public const int Top = 10;

    public async ValueTask<TrendingDifficulties> Handle(GetTrendingDifficulties query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, clock.GetUtcNow().UtcDateTime, ct);
        var entries = db.Entries.AsNoTracking().Where(e => e.Kind == EntryKind.Difficulty
            && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged);
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

// ---------------------------------------------------------------- units × themes

/// <summary>Entries submitted in the period, and votes cast in the period, per unit (rolled up) and theme.</summary>
public sealed record GetHeatMap(DashboardPeriod Period, int? UnitId) : IQuery<HeatMap>;

public sealed record HeatCell(int Entries, int Votes);

public sealed record HeatMap(IReadOnlyList<UnitGroup> Rows, IReadOnlyList<string> Themes, IReadOnlyList<IReadOnlyList<HeatCell>> Cells)
{
    public int MaxEntries => Cells.SelectMany(r => r).Select(c => c.Entries).DefaultIfEmpty().Max();
}

public sealed class GetHeatMapHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetHeatMap, HeatMap>
{
    public async ValueTask<HeatMap> Handle(GetHeatMap query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, clock.GetUtcNow().UtcDateTime, ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);

        // The many-to-many link table, joined directly: SQLite has no APPLY for a nested SelectMany.
        var links = db.Set<Dictionary<string, object>>("EntryThemes");
        var entryCounts = await scope.Entries(db)
            .Join(links, e => e.Id, l => EF.Property<int>(l, "EntriesId"), (e, l) => new { e.UnitId, ThemeId = EF.Property<int>(l, "ThemesId") })
            .GroupBy(x => new { x.UnitId, x.ThemeId })
            .Select(g => new { g.Key.UnitId, g.Key.ThemeId, Count = g.Count() })
            .ToListAsync(ct);

        var listed = db.Entries.Where(e => e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged);
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

// ---------------------------------------------------------------- funnel

/// <summary>Of the entries submitted in the period: how many were reviewed, accepted, put in the plan and done, and how long the first review took.</summary>
public sealed record GetFunnel(DashboardPeriod Period, int? UnitId) : IQuery<Funnel>;

public sealed record Funnel(int Submitted, int Reviewed, int Accepted, int InPlan, int Done, double? MedianHoursToReview, double? P90HoursToReview);

public sealed class GetFunnelHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetFunnel, Funnel>
{
    public async ValueTask<Funnel> Handle(GetFunnel query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, clock.GetUtcNow().UtcDateTime, ct);
        var cohort = scope.Entries(db);
        var counts = await cohort.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(params EntryStatus[] statuses) => counts.Where(c => statuses.Contains(c.Key)).Sum(c => c.Count);
        var reviews = await cohort.Where(e => e.ReviewedAt != null).Select(e => new { e.CreatedAt, e.ReviewedAt }).ToListAsync(ct);
        var hours = reviews.Select(r => (r.ReviewedAt!.Value - r.CreatedAt).TotalHours).Order().ToList();
        return new Funnel(
            Count(Enum.GetValues<EntryStatus>()), hours.Count,
            Count(EntryStatus.Accepted, EntryStatus.InPlan, EntryStatus.Done), Count(EntryStatus.InPlan, EntryStatus.Done), Count(EntryStatus.Done),
            Percentile(hours, 0.5), Percentile(hours, 0.9));
    }

    /// <summary>The nearest-rank percentile of sorted values; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

// ---------------------------------------------------------------- plan progress

/// <summary>Progress of each axis and of its strategic objectives, rolled up from the projects.</summary>
public sealed record GetPlanProgress : IQuery<IReadOnlyList<PlanProgressRow>>;

public sealed record PlanProgressRow(int Id, PlanLevel Level, string Code, string Title, double? Progress, int Projects);

public sealed class GetPlanProgressHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetPlanProgress, IReadOnlyList<PlanProgressRow>>
{
    public async ValueTask<IReadOnlyList<PlanProgressRow>> Handle(GetPlanProgress query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var plan = await PlanLoader.LoadAsync(db, ct);
        static PlanProgressRow Row(PlanItem n) => new(n.Id, n.Level, n.Code, n.Title, n.RolledUpProgress,
            n.SelfAndDescendants().Count(d => d.Level == PlanLevel.Project));
        return plan.Axes.SelectMany(a => a.Children.Select(Row).Prepend(Row(a))).ToList();
    }
}

// ---------------------------------------------------------------- participation

/// <summary>The share of each unit's users who submitted, voted or commented in the period; entries, votes and comments per week.</summary>
public sealed record GetParticipation(DashboardPeriod Period, int? UnitId) : IQuery<Participation>;

public sealed record ParticipationRow(string UnitName, int Users, int Submitted, int Voted, int Commented, int TookPart)
{
    public double Share(int count) => Users == 0 ? 0 : (double)count / Users;
}

public sealed record WeekActivity(DateOnly Week, int Entries, int Votes, int Comments);

public sealed record Participation(IReadOnlyList<ParticipationRow> Rows, IReadOnlyList<WeekActivity> Weeks);

public sealed class GetParticipationHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetParticipation, Participation>
{
    public async ValueTask<Participation> Handle(GetParticipation query, CancellationToken ct)
    {
        user.MustSeeDashboard();
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, clock.GetUtcNow().UtcDateTime, ct);
        var since = scope.Since ?? DateTime.MinValue;

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Unit!.Path }).ToListAsync(ct);
        var submitted = (await db.Entries.Where(e => e.CreatedAt >= since).Select(e => e.AuthorId).Distinct().ToListAsync(ct)).ToHashSet();
        var voted = (await db.Votes.Where(v => v.CreatedAt >= since).Select(v => v.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var commented = (await db.Comments.Where(c => c.CreatedAt >= since).Select(c => c.AuthorId).Distinct().ToListAsync(ct)).ToHashSet();

        var rows = scope.Rows.Select(row =>
        {
            var members = users.Where(u => u.Path.StartsWith(row.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
            return new ParticipationRow(row.Name, members.Count, members.Count(submitted.Contains), members.Count(voted.Contains),
                members.Count(commented.Contains), members.Count(id => submitted.Contains(id) || voted.Contains(id) || commented.Contains(id)));
        }).ToList();

        // Per week: counted per day in the database, then summed per week here.
        var start = scope.FirstWeekStart;
        var entries = db.Entries.AsNoTracking().Where(e => e.CreatedAt >= start && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged);
        var votes = db.Votes.AsNoTracking().Where(v => v.CreatedAt >= start);
        var comments = db.Comments.AsNoTracking().Where(c => c.CreatedAt >= start);
        if (scope.UnitIds is { } unitIds)
        {
            entries = entries.Where(e => unitIds.Contains(e.UnitId));
            votes = votes.Join(db.Entries.Where(e => unitIds.Contains(e.UnitId)), v => v.EntryId, e => e.Id, (v, _) => v);
            comments = comments.Join(db.Entries.Where(e => unitIds.Contains(e.UnitId)), c => c.EntryId, e => e.Id, (c, _) => c);
        }
        // One indexed range count per week: cheaper than grouping hundreds of thousands of rows by day.
        var e = new int[scope.Weeks.Count];
        var v = new int[scope.Weeks.Count];
        var c = new int[scope.Weeks.Count];
        for (var i = 0; i < scope.Weeks.Count; i++)
        {
            var from = scope.Weeks[i].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = from.AddDays(7);
            e[i] = await entries.CountAsync(x => x.CreatedAt >= from && x.CreatedAt < to, ct);
            v[i] = await votes.CountAsync(x => x.CreatedAt >= from && x.CreatedAt < to, ct);
            c[i] = await comments.CountAsync(x => x.CreatedAt >= from && x.CreatedAt < to, ct);
        }
        return new Participation(rows, scope.Weeks.Select((w, i) => new WeekActivity(w, e[i], v[i], c[i])).ToList());
    }
}
