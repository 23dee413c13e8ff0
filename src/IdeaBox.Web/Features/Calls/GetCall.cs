namespace IdeaBox.Web.Features.Calls;

public enum CallState { Upcoming, Open, Closed }

/// <summary>
/// A call and what it gathered. Its summary (entries, support, units reached, participation of each invited unit, what
/// went to the plan) is published when the call closes; moderators and leadership follow it while it runs. A call not yet open is
/// shown to moderators only (404 for the others).
/// </summary>
[AnySignedInUser]
public sealed record GetCall(int CallId) : IQuery<CallView>;

public sealed record CallView(
    int Id, string Question, string? Description, IReadOnlyList<EntryKind> Kinds, IReadOnlyList<string> Themes, IReadOnlyList<string> InvitedUnits,
    DateOnly OpensOn, DateOnly ClosesOn, CallState State, bool CanContribute, CallSummary? Summary, IReadOnlyList<CallEntry> TopEntries, int EntryCount);

public sealed record CallEntry(int Id, EntryKind Kind, string Title, EntryStatus Status, int VoteCount, string UnitName);

public sealed record CallSummary(
    IReadOnlyList<KindCount> ByKind, int Votes, int Voters, int Contributors, int UnitsReached,
    IReadOnlyList<UnitParticipation> Participation, IReadOnlyList<CallPlanLink> Plan);

public sealed record KindCount(EntryKind Kind, int Count);

/// <summary>Of the people of an invited unit (and the units below it), how many took part: submitted, voted or commented in the call.</summary>
public sealed record UnitParticipation(string Unit, int People, int Participants)
{
    public double Rate => People == 0 ? 0 : (double)Participants / People;
}

public sealed record CallPlanLink(int EntryId, string EntryTitle, int NodeId, PlanLevel Level, string NodeTitle);

/// <summary>Open calls for everyone; calls to come for moderators; closed calls, latest first.</summary>
[AnySignedInUser]
public sealed record ListCalls : IQuery<IReadOnlyList<CallListItem>>;

public sealed record CallListItem(int Id, string Question, DateOnly OpensOn, DateOnly ClosesOn, CallState State, int Entries, bool InvitesMe);

/// <summary>The open calls that invite the current user: the banner, the home page and the entry form.</summary>
[AnySignedInUser]
public sealed record GetOpenCalls : IQuery<IReadOnlyList<OpenCallBrief>>;

public sealed class GetOpenCallsHandler(CallSchedule schedule, ICurrentUser user) : IQueryHandler<GetOpenCalls, IReadOnlyList<OpenCallBrief>>
{
    public async ValueTask<IReadOnlyList<OpenCallBrief>> Handle(GetOpenCalls query, CancellationToken ct) => await schedule.OpenForAsync(user.Id, ct);
}

public sealed class ListCallsHandler(IdeaBoxDb db, CallSchedule schedule, ICurrentUser user) : IQueryHandler<ListCalls, IReadOnlyList<CallListItem>>
{
    public async ValueTask<IReadOnlyList<CallListItem>> Handle(ListCalls query, CancellationToken ct)
    {
        var today = schedule.Today;
        var calls = db.Calls.AsNoTracking();
        if (!user.Moderates) calls = calls.Where(c => c.OpensOn <= today);
        var rows = await calls.OrderByDescending(c => c.ClosesOn).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Question, c.OpensOn, c.ClosesOn, Paths = c.InvitedUnits.Select(u => u.Path).ToList(),
                Entries = db.Entries.Count(e => e.CallId == c.Id && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged),
            })
            .ToListAsync(ct);
        var path = rows.Any(r => r.Paths.Count > 0) ? await schedule.UnitPathAsync(user.Id, ct) : "/";
        return [.. rows.Select(r => new CallListItem(r.Id, r.Question, r.OpensOn, r.ClosesOn, StateOf(r.OpensOn, r.ClosesOn, today), r.Entries,
            new OpenCallBrief(r.Id, r.Question, r.ClosesOn, 0, r.Paths, []).Invites(path)))];
    }

    internal static CallState StateOf(DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        today < opensOn ? CallState.Upcoming : today > closesOn ? CallState.Closed : CallState.Open;
}

public sealed class GetCallHandler(CallViews views) : IQueryHandler<GetCall, CallView>
{
    public async ValueTask<CallView> Handle(GetCall query, CancellationToken ct) => await views.LoadAsync(query, ct);
}

/// <summary>Reads a call as its page and its download show it.</summary>
public sealed class CallViews(IdeaBoxDb db, CallSchedule schedule, ICurrentUser user)
{
    public const int TopEntries = 20;

    public async Task<CallView> LoadAsync(GetCall query, CancellationToken ct)
    {
        var today = schedule.Today;
        var call = await db.Calls.AsNoTracking().AsSplitQuery().Where(c => c.Id == query.CallId)
            .Select(c => new
            {
                c.Id, c.Question, c.Description, c.KindMask, c.OpensOn, c.ClosesOn,
                Themes = c.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                Units = c.InvitedUnits.OrderBy(u => u.Path).Select(u => new { u.Name, u.Path }).ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Call {query.CallId}");
        var state = ListCallsHandler.StateOf(call.OpensOn, call.ClosesOn, today);
        if (state == CallState.Upcoming && !user.Moderates) throw new NotFoundException($"Call {query.CallId}");

        var brief = new OpenCallBrief(call.Id, call.Question, call.ClosesOn, call.KindMask, [.. call.Units.Select(u => u.Path)], []);
        var canContribute = state == CallState.Open && (brief.InvitedPaths.Count == 0 || brief.Invites(await schedule.UnitPathAsync(user.Id, ct)));
        var entries = db.Entries.AsNoTracking().Where(e => e.CallId == call.Id).Where(EntryRules.Listed);
        var top = await entries.OrderByDescending(e => e.VoteCount).ThenBy(e => e.Id).Take(TopEntries)
            .Select(e => new CallEntry(e.Id, e.Kind, e.Title, e.Status, e.VoteCount, e.Unit!.Name)).ToListAsync(ct);
        var count = await entries.CountAsync(ct);
        // Those who follow participation (moderators, leadership) see the provisional figures while the call runs.
        var summary = state == CallState.Closed || user.Has(Permissions.Export)
            ? await SummaryAsync(call.Id, [.. call.Units.Select(u => (u.Name, u.Path))], ct)
            : null;
        return new CallView(call.Id, call.Question, call.Description, [.. Enum.GetValues<EntryKind>().Where(brief.Seeks)], call.Themes,
            [.. call.Units.Select(u => u.Name)], call.OpensOn, call.ClosesOn, state, canContribute, summary, top, count);
    }

    /// <summary>The published figures of a call; participation per invited unit, or per top-level administration when every unit was invited.</summary>
    internal async Task<CallSummary> SummaryAsync(int callId, IReadOnlyList<(string Name, string Path)> invited, CancellationToken ct)
    {
        var entries = db.Entries.Where(e => e.CallId == callId).Where(EntryRules.Listed);
        var byKind = await entries.GroupBy(e => e.Kind).Select(g => new KindCount(g.Key, g.Count())).ToListAsync(ct);
        var ids = entries.Select(e => e.Id);
        var votes = await entries.SumAsync(e => e.VoteCount, ct);
        var voters = await db.Votes.Where(v => ids.Contains(v.EntryId)).Select(v => v.UserId).Distinct().CountAsync(ct);
        var participants = entries.Select(e => e.AuthorId)
            .Concat(db.Votes.Where(v => ids.Contains(v.EntryId)).Select(v => v.UserId))
            .Concat(db.Comments.Where(c => ids.Contains(c.EntryId) && c.HiddenAt == null).Select(c => c.AuthorId))
            .Distinct();
        var contributors = await entries.Select(e => e.AuthorId).Distinct().CountAsync(ct);
        var taking = await db.Users.AsNoTracking().Where(u => participants.Contains(u.Id)).Select(u => new { u.UnitId, u.Unit!.Path }).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null && u.DeletedAt == null).Select(u => u.Unit!.Path).ToListAsync(ct);
        var groups = invited.Count > 0
            ? invited
            : [.. (await db.Units.AsNoTracking().Where(u => u.ParentId == null).Select(u => new { u.Name, u.Path }).ToListAsync(ct))
                .OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(u => (u.Name, u.Path))];
        var participation = groups
            .Select(g => new UnitParticipation(g.Name, people.Count(p => p.StartsWith(g.Path, StringComparison.Ordinal)),
                taking.Count(t => t.Path.StartsWith(g.Path, StringComparison.Ordinal))))
            .ToList();
        var plan = await db.ProjectEntries.Where(pe => ids.Contains(pe.EntryId))
            .Join(db.PlanNodes, pe => pe.ProjectId, n => n.Id, (pe, n) => new { pe.EntryId, NodeId = n.Id, n.Level, n.Title })
            .Join(db.Entries, x => x.EntryId, e => e.Id, (x, e) => new CallPlanLink(x.EntryId, e.Title, x.NodeId, x.Level, x.Title))
            .ToListAsync(ct);
        return new CallSummary([.. byKind.OrderBy(k => k.Kind)], votes, voters, contributors, taking.Select(t => t.UnitId).Distinct().Count(),
            participation, [.. plan.OrderBy(p => p.NodeTitle, StringComparer.CurrentCulture).ThenBy(p => p.EntryId)]);
    }
}
