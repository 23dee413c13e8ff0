using IdeaBox.Web.Features.Calls;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Plan;
using IdeaBox.Web.Features.Settings;
using IdeaBox.Web.Features.Votes;
using IdeaBox.Web.Infrastructure.Email;

namespace IdeaBox.Tests.Features.Calls;

/// <summary>Calls for contributions: opened for some units, announced to them, contributed to, closed with votes frozen, summed up.</summary>
[Collection(Slices.Name)]
public sealed class CallTests(AppFixture app) : AppTest(app)
{
    private CallInput Input(IReadOnlyList<int> units, EntryKind[]? kinds = null, int opensIn = 0, int days = 30, string question = "Qu'est-ce qui vous fait perdre du temps ?") =>
        new(question, "Trois mois pour le dire.", kinds ?? [EntryKind.Idea, EntryKind.Difficulty], [], units, Clock.Today.AddDays(opensIn), Clock.Today.AddDays(opensIn + days));

    private int _theme;

    private EntryInput Contribution(int callId, EntryKind kind = EntryKind.Difficulty, string title = "Les validations passent par trois services") =>
        new(kind, title, "Chaque demande attend une semaine.", [_theme], null, false, callId);


    private Task<int> AnnounceAsync() => App.Scoped<CallSchedule, int>(s => s.AnnounceDueAsync(CancellationToken.None));

    [Fact]
    public async Task Opening_a_call_tells_the_invited_units_and_those_below_them_as_each_prefers_and_no_one_else()
    {
        var (a, b) = (await Given.AUnit("Administration A"), await Given.AUnit("Administration B"));
        var a1 = await Given.AUnit("Service A1", a);
        var (inA, inA1, inB) = (await Given.AnAgent(a), await Given.AnAgent(a1), await Given.AnAgent(b));
        await Send(new SaveMySettings(false, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.CallOpened] = NotificationDelivery.InAppOnly }), inA1);
        var moderator = await Given.AModerator();

        var call = await Send(new OpenCall(Input([a.Id])), moderator);

        var told = await NotificationsAsync(kind: NotificationKind.CallOpened);
        Assert.Equal([inA.Id, inA1.Id], told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal((call, "Qu'est-ce qui vous fait perdre du temps ?"), (n.CallId, n.Subject)));
        Assert.Equal(1, await App.Service<NotificationMailer>().SendPendingAsync(CancellationToken.None));
        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.Equal(inA.Email, mail.To());
        Assert.Contains($"/Calls/{call}", mail.TextBody);
        Assert.Equal(0, await AnnounceAsync());
        Assert.Equal([call], (await Send(new GetOpenCalls(), inA1)).Select(c => c.Id));
        Assert.Empty(await Send(new GetOpenCalls(), inB));
        Assert.Equal(AuditAction.CallOpened, (await WithDb(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.CallOpened))).Action);

        // A call opening tomorrow is told tomorrow, and shown to moderators only until then.
        var later = await Send(new OpenCall(Input([b.Id], opensIn: 1, question: "Et demain ?")), moderator);
        Assert.DoesNotContain(await NotificationsAsync(kind: NotificationKind.CallOpened), n => n.CallId == later);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new GetCall(later), inB));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await AnnounceAsync());
        Assert.Equal([inB.Id], (await NotificationsAsync(kind: NotificationKind.CallOpened)).Where(n => n.CallId == later).Select(n => n.UserId));
    }

    [Fact]
    public async Task Agents_of_invited_units_submit_into_an_open_call_and_the_entry_carries_its_tag()
    {
        _theme = (await Given.ATheme()).Id;
        var (a, b) = (await Given.AUnit(), await Given.AUnit());
        var (inA, inB) = (await Given.AnAgent(a), await Given.AnAgent(b));
        var moderator = await Given.AModerator();
        var call = await Send(new OpenCall(Input([a.Id], kinds: [EntryKind.Difficulty])), moderator);
        var upcoming = await Send(new OpenCall(Input([], opensIn: 5)), moderator);

        var entry = await Send(new SubmitEntry(Contribution(call)), inA);
        Assert.Equal(call, (await EntryAsync(entry)).CallId);
        Assert.Equal(call, (await Send(new GetEntry(entry), inB)).Call?.Id);
        Assert.Equal([entry], (await Send(new ListEntries(CallId: call), inB)).Items.Select(i => i.Id));
        Assert.Equal(call, (await Send(new ListEntries(), inB)).Items.Single(i => i.Id == entry).CallId);

        async Task<FieldError> Refused(EntryInput input, TestUser user) =>
            Assert.Single((await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SubmitEntry(input), user))).Errors);
        Assert.Equal(new FieldError("CallId", "Call.NotInvited"), await Refused(Contribution(call), inB));
        Assert.Equal(new FieldError("Kind", "Call.KindNotSought"), await Refused(Contribution(call, EntryKind.Idea), inA));
        Assert.Equal(new FieldError("CallId", "Call.NotOpen"), await Refused(Contribution(upcoming), inA));
        Assert.Equal(new FieldError("CallId", "Call.Unknown"), await Refused(Contribution(987654), inA));
        Assert.Equal(1, await WithDb(db => db.Entries.CountAsync(e => e.AuthorId == inA.Id || e.AuthorId == inB.Id)));
    }

    [Fact]
    public async Task At_closing_votes_freeze_and_the_summary_gives_each_invited_unit_its_participation_rate()
    {
        _theme = (await Given.ATheme()).Id;
        // A: two agents, one takes part (submits). B: three agents, two take part (one votes, one comments).
        var (a, b) = (await Given.AUnit("Direction A"), await Given.AUnit("Direction B"));
        var (author, quietA) = (await Given.AnAgent(a), await Given.AnAgent(a));
        var (voter, commenter, quietB) = (await Given.AnAgent(b), await Given.AnAgent(b), await Given.AnAgent(b));
        var moderator = await Given.AModerator();
        var call = await Send(new OpenCall(Input([a.Id, b.Id], days: 2)), moderator);
        var entry = await Send(new SubmitEntry(Contribution(call)), author);
        await Send(new CastVote(entry), voter);
        await Send(new AddComment(entry, null, "Pareil ici."), commenter);
        var outside = await Given.AnEntry(title: "Hors appel");

        Assert.Null((await Send(new GetCall(call), quietA)).Summary);
        var provisional = (await Send(new GetCall(call), moderator)).Summary!;
        Assert.Equal(1, provisional.Votes);

        await WithDb(db => db.Entries.Where(e => e.Id == entry).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Accepted)));
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Send(new PromoteEntry(entry, null, oo, "Circuit de validation court"), moderator);
        Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal("Vote.CallClosed", (await Assert.ThrowsAsync<ConflictException>(() => Send(new CastVote(entry), quietB))).MessageKey);
        Assert.Equal("Vote.CallClosed", (await Assert.ThrowsAsync<ConflictException>(() => Send(new WithdrawVote(entry), voter))).MessageKey);
        Assert.Equal(1, (await EntryAsync(entry)).VoteCount);
        Assert.False((await Send(new GetEntry(entry), quietB)).IsOpenForVotes);
        await Send(new CastVote(outside), quietB);

        var view = await Send(new GetCall(call), quietA);
        Assert.Equal(CallState.Closed, view.State);
        var summary = view.Summary!;
        Assert.Equal([new KindCount(EntryKind.Difficulty, 1)], summary.ByKind);
        Assert.Equal((1, 1, 1, 2), (summary.Votes, summary.Voters, summary.Contributors, summary.UnitsReached));
        Assert.Equal([("Direction A", 2, 1, 0.5), ("Direction B", 3, 2, 2 / 3d)],
            summary.Participation.Select(p => (p.Unit, p.People, p.Participants, p.Rate)));
        Assert.Equal((entry, project, "Circuit de validation court"), (summary.Plan[0].EntryId, summary.Plan[0].NodeId, summary.Plan[0].NodeTitle));

        // Closing is told once, to the authors and to the moderator who opened it.
        Assert.Equal(1, await App.Scoped<CallSchedule, int>(s => s.CloseDueAsync(CancellationToken.None)));
        Assert.Equal(0, await App.Scoped<CallSchedule, int>(s => s.CloseDueAsync(CancellationToken.None)));
        Assert.Equal([author.Id, moderator.Id], (await NotificationsAsync(kind: NotificationKind.CallClosed)).Select(n => n.UserId).Order());
        Assert.Equal("Call.AlreadyClosed", (await Assert.ThrowsAsync<ConflictException>(() => Send(new ChangeCall(call, Input([]) with { OpensOn = Clock.Today }), moderator))).MessageKey);
    }

    [Fact]
    public async Task A_call_needs_a_question_a_kind_and_dates_in_order_and_only_moderators_open_one()
    {
        var moderator = await Given.AModerator();
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new OpenCall(
            new CallInput(" ", null, [], [987654], [987654], Clock.Today, Clock.Today.AddDays(-1))), moderator));
        Assert.Equal(["Question", "Kinds", "ClosesOn", "ThemeIds", "UnitIds"], invalid.Errors.Select(e => e.Field));
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new OpenCall(
            new CallInput("Q", null, [EntryKind.Idea], [], [], Clock.Today.AddDays(-10), Clock.Today.AddDays(-2))), moderator));
        Assert.Equal(new FieldError("ClosesOn", "Call.ClosesInPast"), Assert.Single(past.Errors));
        var agent = await Given.AnAgent();
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new OpenCall(Input([])), agent));
        Assert.Empty(await WithDb(db => db.Calls.ToListAsync()));

        var call = await Send(new OpenCall(Input([])), moderator);
        await Send(new ChangeCall(call, Input([]) with { Question = "Une autre question ?" }), moderator);
        Assert.Equal("Une autre question ?", (await Send(new GetCall(call), agent)).Question);
        Assert.Equal("Une autre question ?", Assert.Single(await Send(new GetOpenCalls(), agent)).Question);
    }
}
