using IdeaBox.Web.Features.Votes;

namespace IdeaBox.Tests.Features.Votes;

[Collection(Slices.Name)]
public sealed class CastVoteTests(AppFixture app) : AppTest(app)
{
    /// <summary>log₂ of one vote's weight now: the weeks (half-lives) since 1 January 2020.</summary>
    private static double WeeksSinceEpoch(DateTime at) => (at - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalDays / 7;

    private Task<(int Count, double Score, int Rows)> Stored(int id) => WithDb(async db =>
    {
        var e = await db.Entries.Where(x => x.Id == id).Select(x => new { x.VoteCount, x.TrendingScore }).SingleAsync();
        return (e.VoteCount, e.TrendingScore, await db.Votes.CountAsync(v => v.EntryId == id));
    });

    [Fact]
    public async Task Vote_twice_counts_once_and_the_voter_follows_the_entry()
    {
        var id = await Given.AnEntry();
        var voter = await Given.AnAgent();
        await Send(new CastVote(id), voter);
        var second = await Send(new CastVote(id), voter);

        Assert.Equal((id, 1, true), (second.EntryId, second.VoteCount, second.HasVoted));
        var (count, score, rows) = await Stored(id);
        Assert.Equal((1, 1), (count, rows));
        // One vote now: its weight alone, 2^(weeks since the epoch).
        Assert.Equal(WeeksSinceEpoch(Clock.UtcNow), score, 9);
        Assert.True(await WithDb(db => db.Follows.AnyAsync(f => f.EntryId == id && f.UserId == voter.Id)));
    }

    [Fact]
    public async Task Two_votes_a_week_apart_add_their_decayed_weights()
    {
        var id = await Given.AnEntry();
        await Send(new CastVote(id), await Given.AnAgent());
        Clock.Advance(TimeSpan.FromDays(7));
        await Send(new CastVote(id), await Given.AnAgent());
        // 2^w + 2^(w+1) = 3 · 2^w, so the score is w + log₂ 3 with w the first vote's weeks since the epoch.
        Assert.Equal(WeeksSinceEpoch(TestClock.Start.UtcDateTime) + Math.Log2(3), (await Stored(id)).Score, 9);
    }

    [Theory]
    [InlineData(EntryStatus.Declined)]
    [InlineData(EntryStatus.Merged)]
    [InlineData(EntryStatus.Done)]
    public async Task A_vote_on_a_closed_entry_is_refused(EntryStatus status)
    {
        var id = await Given.AnEntry(status: status);
        var ex = await Assert.ThrowsAsync<ConflictException>(async () => await Send(new CastVote(id), await Given.AnAgent()));
        Assert.Equal("Vote.Closed", ex.MessageKey);
        Assert.Equal(0, (await Stored(id)).Rows);
    }

    [Fact]
    public async Task A_vote_on_an_unknown_or_someone_elses_hidden_entry_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new CastVote(987_654), await Given.AnAgent()));
        var hidden = await Given.AnEntry(status: EntryStatus.Hidden);
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new CastVote(hidden), await Given.AnAgent()));
    }

    [Fact]
    public async Task Twenty_concurrent_votes_by_one_user_leave_one_row_and_a_count_of_one()
    {
        var id = await Given.AnEntry();
        var voter = await Given.AnAgent();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Send(new CastVote(id), voter))));
        var (count, _, rows) = await Stored(id);
        Assert.Equal((1, 1), (count, rows));
    }
}

[Collection(Pages.Name)]
public sealed class VotePageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_agent_votes_and_withdraws_from_the_entry_page()
    {
        var id = await Given.AnEntry(EntryKind.Difficulty);
        var voter = await SignInAsync(await Given.AnAgent());
        var url = $"/Entries/{id}";

        var (_, before) = await voter.Get(url);
        Assert.Equal("Moi aussi", before.QuerySelector("button.vote")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostForm(url, "form[action*=Vote]:not([action*=Unvote])", [])).StatusCode);
        var (_, voted) = await voter.Get(url);
        Assert.Equal("1 vote", voted.QuerySelector(".vote-count")!.TextContent.Trim());
        Assert.Equal("Votre vote est enregistré.", voted.QuerySelector(".status-message")!.TextContent);
        Assert.NotNull(voted.QuerySelector("form[action*=Unvote]"));

        Assert.Equal(HttpStatusCode.Redirect, (await voter.PostForm(url, "form[action*=Unvote]", [])).StatusCode);
        var (_, withdrawn) = await voter.Get(url);
        Assert.Equal("0 vote", withdrawn.QuerySelector(".vote-count")!.TextContent.Trim());
        Assert.Equal(0, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));
    }

    [Fact]
    public async Task The_vote_script_gets_the_vote_block_alone_with_what_happened()
    {
        var id = await Given.AnEntry();
        var voter = await SignInAsync(await Given.AnAgent());
        var token = AppClient.Token((await voter.Get($"/Entries/{id}")).Document, "form[action*=Vote]");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Entries/{id}?handler=Vote")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("X-IdeaBox-Fetch", "1");
        var response = await voter.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await AppClient.Html(response);
        Assert.Null(fragment.QuerySelector("header"));
        Assert.Equal("1 vote", fragment.QuerySelector(".vote-count")!.TextContent.Trim());
        Assert.Equal("Votre vote est enregistré.", fragment.QuerySelector("section.votes")!.GetAttribute("data-message"));
    }

    [Fact]
    public async Task A_vote_on_a_closed_entry_is_refused_with_a_message()
    {
        var id = await Given.AnEntry();
        var voter = await SignInAsync(await Given.AnAgent());
        var token = AppClient.Token((await voter.Get($"/Entries/{id}")).Document, "form[action*=Vote]");
        await WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Declined)));

        var response = await voter.PostWithToken(token, $"/Entries/{id}?handler=Vote");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("elle ne reçoit plus de votes", (await AppClient.Html(response)).QuerySelector(".status-message")!.TextContent);
        Assert.Equal(0, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));
    }

    [Fact]
    public async Task Twenty_parallel_vote_requests_leave_one_vote()
    {
        var id = await Given.AnEntry();
        var voter = await SignInAsync(await Given.AnAgent());
        var token = AppClient.Token((await voter.Get($"/Entries/{id}")).Document, "form[action*=Vote]");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => voter.PostWithToken(token, $"/Entries/{id}?handler=Vote")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));
        Assert.Equal(1, (await EntryAsync(id)).VoteCount);
    }
}
