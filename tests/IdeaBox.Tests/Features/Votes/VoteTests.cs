using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Votes;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Votes;

public sealed class VoteTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<int> NewEntry()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        return await app.Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "Un calendrier partagé des salles", "Pour tous.", [await app.AnyThemeIdAsync()], null, false)), agent);
    }

    private Task<(int Count, double Score, int Rows)> Stored(int id) => app.WithDb(async db =>
    {
        var e = await db.Entries.Where(x => x.Id == id).Select(x => new { x.VoteCount, x.TrendingScore }).SingleAsync();
        return (e.VoteCount, e.TrendingScore, await db.Votes.CountAsync(v => v.EntryId == id));
    });

    [Fact]
    public async Task Vote_twice_counts_once()
    {
        var id = await NewEntry();
        var voter = await app.OtherAgentAsync();
        await app.Send(new CastVote(id), voter);
        var second = await app.Send(new CastVote(id), voter);
        Assert.Equal(1, second.VoteCount);
        Assert.True(second.HasVoted);
        var (count, _, rows) = await Stored(id);
        Assert.Equal(1, count);
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Withdrawing_a_vote_takes_it_back_and_the_score_matches_the_remaining_votes()
    {
        var id = await NewEntry();
        var trending = new Trending(TimeSpan.FromDays(7));
        for (var i = 0; i < 3; i++) await app.Send(new CastVote(id), await app.OtherAgentAsync(i));
        var result = await app.Send(new WithdrawVote(id), await app.OtherAgentAsync(1));
        Assert.Equal(2, result.VoteCount);
        Assert.False(result.HasVoted);

        var (count, score, rows) = await Stored(id);
        var remaining = await app.WithDb(db => db.Votes.Where(v => v.EntryId == id).Select(v => v.CreatedAt).ToListAsync());
        Assert.Equal(2, count);
        Assert.Equal(2, rows);
        Assert.Equal(trending.Recompute(remaining), score, 6);

        // Withdrawing again changes nothing.
        Assert.Equal(2, (await app.Send(new WithdrawVote(id), await app.OtherAgentAsync(1))).VoteCount);
    }

    [Theory]
    [InlineData(EntryStatus.Declined)]
    [InlineData(EntryStatus.Merged)]
    [InlineData(EntryStatus.Done)]
    public async Task A_vote_on_a_closed_entry_is_refused(EntryStatus status)
    {
        var id = await NewEntry();
        await app.WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, status)));
        var voter = await app.OtherAgentAsync();
        var ex = await Assert.ThrowsAsync<ConflictException>(() => app.Send(new CastVote(id), voter));
        Assert.Equal("Vote.Closed", ex.MessageKey);
        Assert.Equal(0, (await Stored(id)).Rows);
    }

    [Fact]
    public async Task A_vote_on_an_unknown_entry_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(async () => await app.Send(new CastVote(987_654), await app.OtherAgentAsync()));

    [Fact]
    public async Task Twenty_concurrent_votes_by_one_user_leave_one_row_and_a_count_of_one()
    {
        var id = await NewEntry();
        var voter = await app.OtherAgentAsync(2);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.Send(new CastVote(id), voter))));
        var (count, _, rows) = await Stored(id);
        Assert.Equal(1, rows);
        Assert.Equal(1, count);
    }
}
