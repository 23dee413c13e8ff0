using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Features.Successes;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Home;

/// <summary>
/// The home page: what moves in the administration (recent successes, the difficulties most supported this
/// month, the answer of the week, the plan's progress and coverage), the same for everyone and kept a few
/// minutes on each node, then the reader's own entries and unread notifications.
/// </summary>
[AnySignedInUser]
public sealed record GetHome : IQuery<HomePage>
{
    public const int Items = 5;
}

/// <summary>An entry that became Done, with the projects that carried it.</summary>
public sealed record Success(LinkedEntry Entry, DateTime DoneAt, IReadOnlyList<PlanItem> Projects);

/// <summary>An idea or initiative linked this week as answering a difficulty.</summary>
public sealed record WeeklyAnswer(LinkedEntry Answer, LinkedEntry Difficulty);

public sealed record SupportedDifficulty(LinkedEntry Difficulty, int VotesThisMonth);

public sealed record HomeNews(
    IReadOnlyList<SuccessStoryView> Featured, IReadOnlyList<Success> Successes, IReadOnlyList<SupportedDifficulty> TopDifficulties, WeeklyAnswer? AnswerOfTheWeek,
    IReadOnlyList<PlanItem> Axes, int Answered, int Difficulties, DateTime ComputedAt);

public sealed record HomePage(string FirstName, HomeNews News, IReadOnlyList<LinkedEntry> MyEntries, IReadOnlyList<NotificationView> Unread,
    IReadOnlyList<Calls.OpenCallBrief> Calls);

public sealed class GetHomeHandler(IdeaBoxDb db, ICurrentUser user, IFusionCache cache, IOptions<DashboardOptions> options, TimeProvider clock,
    Calls.CallSchedule calls)
    : IQueryHandler<GetHome, HomePage>
{
    public async ValueTask<HomePage> Handle(GetHome query, CancellationToken ct)
    {
        var seconds = options.Value.CacheSeconds;
        var news = seconds <= 0 ? await NewsAsync(ct)
            : await cache.GetOrSetAsync<HomeNews>("home", async (_, token) => await NewsAsync(token), TimeSpan.FromSeconds(seconds), ct);
        var name = await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync(ct);
        var mine = await db.Entries.AsNoTracking().Where(e => e.AuthorId == user.Id).OrderByDescending(e => e.CreatedAt).Take(GetHome.Items)
            .Select(e => new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount)).ToListAsync(ct);
        var unread = await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id && n.ReadAt == null).Shown(db)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(GetHome.Items)
            .Select(n => new NotificationView(n.Id, n.Kind, n.EntryId, n.Subject, n.Detail, n.Reason, n.CreatedAt, false, n.CallId)).ToListAsync(ct);
        return new HomePage(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name, news, mine, unread,
            await calls.OpenForAsync(user.Id, ct));
    }

    private async Task<HomeNews> NewsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var listed = db.Entries.AsNoTracking().Where(EntryRules.Listed);
        var tree = await PlanLoader.LoadAsync(db, ct);

        // Successes: the latest entries done, with the projects that did them.
        var done = await listed.Where(e => e.Status == EntryStatus.Done).OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id).Take(GetHome.Items)
            .Select(e => new { Entry = new LinkedEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount), e.UpdatedAt }).ToListAsync(ct);
        var doneIds = done.Select(d => d.Entry.Id).ToList();
        var carriers = (await db.ProjectEntries.AsNoTracking().Where(pe => doneIds.Contains(pe.EntryId)).Select(pe => new { pe.EntryId, pe.ProjectId }).ToListAsync(ct))
            .ToLookup(x => x.EntryId, x => x.ProjectId);
        var successes = done.Select(d => new Success(d.Entry, d.UpdatedAt,
            carriers[d.Entry.Id].Select(tree.Find).OfType<PlanItem>().Where(n => n.Level == PlanLevel.Project).ToList())).ToList();

        // The difficulties most supported this month: votes cast in the last 30 days.
        var since = now.AddDays(-30);
        var top = await db.Votes.AsNoTracking().Where(v => v.CreatedAt >= since).GroupBy(v => v.EntryId)
            .Select(g => new { EntryId = g.Key, Votes = g.Count() })
            .Join(listed.Where(e => e.Kind == EntryKind.Difficulty), v => v.EntryId, e => e.Id, (v, e) => new { v.Votes, e.Id, e.Kind, e.Title, e.Status, e.VoteCount })
            .OrderByDescending(x => x.Votes).ThenByDescending(x => x.Id).Take(GetHome.Items).ToListAsync(ct);

        // The answer of the week: of the answers linked in the last 7 days, the most supported.
        var week = now.AddDays(-7);
        var answer = await db.EntryAnswers.AsNoTracking().Where(a => a.CreatedAt >= week)
            .Join(listed, a => a.AnswerId, e => e.Id, (a, e) => new { a.DifficultyId, Answer = e })
            .Join(listed, x => x.DifficultyId, d => d.Id, (x, d) => new { x.Answer, Difficulty = d })
            .OrderByDescending(x => x.Answer.VoteCount).ThenByDescending(x => x.Answer.Id)
            .Select(x => new WeeklyAnswer(new LinkedEntry(x.Answer.Id, x.Answer.Kind, x.Answer.Title, x.Answer.Status, x.Answer.VoteCount),
                new LinkedEntry(x.Difficulty.Id, x.Difficulty.Kind, x.Difficulty.Title, x.Difficulty.Status, x.Difficulty.VoteCount)))
            .FirstOrDefaultAsync(ct);

        var scope = await DashboardScope.ResolveAsync(db, DashboardPeriod.Months12, null, now, ct);
        var mirror = await MirrorQuery.ComputeAsync(db, scope, null, GetMirror.DefaultTop, ct);
        return new HomeNews(await SuccessStories.LoadAsync(db, since: null, take: 3, ct), successes,
            top.Select(t => new SupportedDifficulty(new LinkedEntry(t.Id, t.Kind, t.Title, t.Status, t.VoteCount), t.Votes)).ToList(),
            answer, tree.Axes, mirror.Answered, mirror.Rows.Count, now);
    }
}
