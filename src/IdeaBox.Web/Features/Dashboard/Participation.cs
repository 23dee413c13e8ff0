namespace IdeaBox.Web.Features.Dashboard;

public sealed record ParticipationRow(string UnitName, int Users, int Submitted, int Voted, int Commented, int TookPart)
{
    public double Share(int count) => Users == 0 ? 0 : (double)count / Users;
}

public sealed record WeekActivity(DateOnly Week, int Entries, int Votes, int Comments);

/// <summary>The share of each unit's users who submitted, voted or commented in the period; entries, votes and comments per week.</summary>
public sealed record Participation(IReadOnlyList<ParticipationRow> Rows, IReadOnlyList<WeekActivity> Weeks)
{
    public static async Task<Participation> ComputeAsync(IdeaBoxDb db, DashboardScope scope, CancellationToken ct)
    {
        var since = scope.Since ?? DateTime.MinValue;

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Unit!.Path }).ToListAsync(ct);
        var submitted = (await db.Entries.Where(e => e.CreatedAt >= since).Select(e => e.AuthorId).Distinct().ToListAsync(ct)).ToHashSet();
        var voted = (await db.Votes.Where(v => v.CreatedAt >= since).Select(v => v.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var commented = (await db.Comments.Where(c => c.CreatedAt >= since && c.HiddenAt == null).Select(c => c.AuthorId).Distinct().ToListAsync(ct)).ToHashSet();

        var rows = scope.Rows.Select(row =>
        {
            var members = users.Where(u => u.Path.StartsWith(row.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
            return new ParticipationRow(row.Name, members.Count, members.Count(submitted.Contains), members.Count(voted.Contains),
                members.Count(commented.Contains), members.Count(id => submitted.Contains(id) || voted.Contains(id) || commented.Contains(id)));
        }).ToList();

        // Per week: counted per day in the database, then summed per week here.
        var start = scope.FirstWeekStart;
        var entries = db.Entries.AsNoTracking().Where(EntryRules.Listed).Where(e => e.CreatedAt >= start);
        var votes = db.Votes.AsNoTracking().Where(v => v.CreatedAt >= start);
        var comments = db.Comments.AsNoTracking().Where(c => c.CreatedAt >= start && c.HiddenAt == null);
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
