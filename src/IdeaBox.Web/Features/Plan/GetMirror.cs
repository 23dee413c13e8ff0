using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Features.Plan;

/// <summary>
/// The mirror (the slides' "plan en miroir"): the most supported difficulties of a period, unit and
/// theme, side by side with what the plan does about them — directly, or through the ideas and
/// initiatives linked as answering them — and the coverage figure: how many of them have an answer.
/// </summary>
[AnySignedInUser]
public sealed record GetMirror(DashboardPeriod Period = DashboardPeriod.Months12, int? UnitId = null, int? ThemeId = null, int Top = GetMirror.DefaultTop)
    : IQuery<Mirror>
{
    public const int DefaultTop = 20;
    public const int MaxTop = 100;
}

public sealed record MirrorRow(int Rank, LinkedEntry Difficulty, string UnitName, IReadOnlyList<LinkedEntry> Answers, IReadOnlyList<ChainLink> Links)
{
    public bool IsAnswered => Links.Count > 0;
}

public sealed record Mirror(IReadOnlyList<MirrorRow> Rows)
{
    public int Answered => Rows.Count(r => r.IsAnswered);

    public IReadOnlyList<MirrorRow> Unanswered => Rows.Where(r => !r.IsAnswered).ToList();
}

/// <summary>The same mirror for its download, which is for those who export (every download is a security event).</summary>
[Requires(Permissions.Export)]
public sealed record GetMirrorForExport(GetMirror Filters) : IQuery<Mirror>;

public sealed class GetMirrorHandler(IdeaBoxDb db, TimeProvider clock) : IQueryHandler<GetMirror, Mirror>
{
    public async ValueTask<Mirror> Handle(GetMirror query, CancellationToken ct) => await MirrorQuery.ComputeAsync(db, clock, query, ct);
}

public sealed class GetMirrorForExportHandler(IdeaBoxDb db, TimeProvider clock) : IQueryHandler<GetMirrorForExport, Mirror>
{
    public async ValueTask<Mirror> Handle(GetMirrorForExport query, CancellationToken ct) => await MirrorQuery.ComputeAsync(db, clock, query.Filters, ct);
}

/// <summary>The mirror over a dashboard scope; the dashboard shows the same figure for its period and unit.</summary>
public static class MirrorQuery
{
    public static async Task<Mirror> ComputeAsync(IdeaBoxDb db, TimeProvider clock, GetMirror query, CancellationToken ct)
    {
        var scope = await DashboardScope.ResolveAsync(db, query.Period, query.UnitId, clock.GetUtcNow().UtcDateTime, ct);
        return await ComputeAsync(db, scope, query.ThemeId, Math.Clamp(query.Top, 1, GetMirror.MaxTop), ct);
    }

    /// <summary>
    /// The <paramref name="top"/> difficulties submitted in the scope's period and units (declined ones
    /// left out: the moderators said no), by votes; "answered" when a node of the plan carries the
    /// difficulty or one of its listed answers.
    /// </summary>
    public static async Task<Mirror> ComputeAsync(IdeaBoxDb db, DashboardScope scope, int? themeId, int top, CancellationToken ct)
    {
        var difficulties = scope.Entries(db).Where(e => e.Kind == EntryKind.Difficulty && e.Status != EntryStatus.Declined);
        if (themeId is { } theme) difficulties = difficulties.Where(e => e.Themes.Any(t => t.Id == theme));
        var rows = await difficulties.OrderByDescending(e => e.VoteCount).ThenByDescending(e => e.Id).Take(top)
            .Select(e => new { Entry = new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount), UnitName = e.Unit!.Name })
            .ToListAsync(ct);
        if (rows.Count == 0) return new Mirror([]);

        var ids = rows.Select(r => r.Entry.Id).ToList();
        var answers = (await db.EntryAnswers.AsNoTracking().Where(a => ids.Contains(a.DifficultyId))
                .Join(db.Entries.Where(EntryRules.Listed), a => a.AnswerId, e => e.Id,
                    (a, e) => new { a.DifficultyId, Answer = new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount) })
                .ToListAsync(ct))
            .ToLookup(a => a.DifficultyId, a => a.Answer);
        var links = await MirrorLinks.ForAsync(db, ids.Concat(answers.SelectMany(g => g).Select(a => a.Id)).Distinct().ToList(), ct);
        var tree = links.Count > 0 ? await PlanLoader.LoadAsync(db, ct, withEntries: false) : new PlanTree([]);

        return new Mirror(rows.Select((row, i) =>
        {
            var own = answers[row.Entry.Id].OrderByDescending(a => a.VoteCount).ToList();
            var entries = own.Append(row.Entry).DistinctBy(e => e.Id).ToDictionary(e => e.Id);
            return new MirrorRow(i + 1, row.Entry, row.UnitName, own, MirrorLinks.Chain(tree, links, entries));
        }).ToList());
    }
}
