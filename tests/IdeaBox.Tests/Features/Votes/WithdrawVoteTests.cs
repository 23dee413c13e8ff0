using IdeaBox.Web.Features.Votes;

namespace IdeaBox.Tests.Features.Votes;

[Collection(Slices.Name)]
public sealed class WithdrawVoteTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Withdrawing_takes_the_vote_back_and_the_score_is_that_of_the_remaining_votes()
    {
        var id = await Given.AnEntry();
        var (first, second, third) = (await Given.AnAgent(), await Given.AnAgent(), await Given.AnAgent());
        await Given.Votes(id, first, second);
        Clock.Advance(TimeSpan.FromDays(7));
        await Given.Votes(id, third);

        var result = await Send(new WithdrawVote(id), third);
        Assert.Equal((2, false), (result.VoteCount, result.HasVoted));
        var entry = await EntryAsync(id);
        // Two votes left, both at the start: 2 · 2^w, a score of w + 1 (w: weeks from 1 January 2020 to the start).
        var w = (TestClock.Start.UtcDateTime - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalDays / 7;
        Assert.Equal(2, entry.VoteCount);
        Assert.Equal(w + 1, entry.TrendingScore, 9);
        Assert.Equal(2, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == id)));

        // Withdrawing again changes nothing.
        Assert.Equal(2, (await Send(new WithdrawVote(id), third)).VoteCount);
    }

    [Fact]
    public async Task The_last_vote_withdrawn_leaves_no_score()
    {
        var id = await Given.AnEntry();
        var voter = await Given.AVoter(id);
        await Send(new WithdrawVote(id), voter);
        Assert.Equal((0, Trending.NoVotes), ((await EntryAsync(id)).VoteCount, (await EntryAsync(id)).TrendingScore));
    }

    [Fact]
    public async Task A_vote_on_a_closed_entry_cannot_be_withdrawn_either()
    {
        var id = await Given.AnEntry();
        var voter = await Given.AVoter(id);
        await WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Done)));
        await Assert.ThrowsAsync<ConflictException>(() => Send(new WithdrawVote(id), voter));
        Assert.Equal(1, (await EntryAsync(id)).VoteCount);
    }
}
