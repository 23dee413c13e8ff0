using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Votes;

namespace IdeaBox.Tests.Features.Moderation;

/// <summary>Two requests in the same window: the state each one checked is in the WHERE of its write, so the loser gets a conflict.</summary>
[Collection(Slices.Name)]
public sealed class RaceTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Of_two_moderators_moving_the_same_entry_the_second_gets_a_conflict_and_nothing_of_its_move_is_saved()
    {
        var id = await Given.AnEntry(status: EntryStatus.UnderReview);
        var first = await Given.AModerator();
        var second = await Given.AModerator();
        App.Race.BeforeNextTransaction(() => Send(new ChangeStatus(id, EntryStatus.Accepted, null), first));

        var lost = await Assert.ThrowsAsync<ConflictException>(() => Send(new ChangeStatus(id, EntryStatus.Declined, "Hors périmètre."), second));

        Assert.Equal("Conflict.ChangedMeanwhile", lost.MessageKey);
        var entry = await EntryAsync(id);
        Assert.Equal((EntryStatus.Accepted, null), (entry.Status, entry.StatusReason));
        Assert.Equal([EntryStatus.Accepted], (await AuditAsync(id)).Select(a => a.ToStatus!.Value));
    }

    [Fact]
    public async Task A_vote_racing_a_merge_is_refused_and_leaves_no_vote_on_the_merged_entry()
    {
        var source = await Given.AnEntry(status: EntryStatus.UnderReview);
        var target = await Given.AnEntry();
        var voter = await Given.AnAgent();
        var moderator = await Given.AModerator();
        App.Race.BeforeNextTransaction(() => Send(new MergeEntry(source, target, null), moderator));

        var lost = await Assert.ThrowsAsync<ConflictException>(() => Send(new CastVote(source), voter));

        Assert.Equal("Vote.Closed", lost.MessageKey);
        Assert.Equal(0, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == source)));
        Assert.Equal((EntryStatus.Merged, 0), ((await EntryAsync(source)).Status, (await EntryAsync(source)).VoteCount));
    }

    [Fact]
    public async Task A_merge_racing_a_closing_of_its_target_is_refused()
    {
        var source = await Given.AnEntry(status: EntryStatus.UnderReview);
        var target = await Given.AnEntry(status: EntryStatus.UnderReview);
        var moderator = await Given.AModerator();
        App.Race.BeforeNextTransaction(() => Send(new HideEntry(target, "Propos injurieux."), moderator));

        await Assert.ThrowsAsync<ConflictException>(() => Send(new MergeEntry(source, target, null), moderator));

        Assert.Equal(EntryStatus.UnderReview, (await EntryAsync(source)).Status);
        Assert.Null((await EntryAsync(source)).MergedIntoId);
    }

    [Fact]
    public async Task A_comment_racing_a_hiding_is_refused_and_not_counted()
    {
        var id = await Given.AnEntry();
        var moderator = await Given.AModerator();
        App.Race.BeforeNextTransaction(() => Send(new HideEntry(id, "Propos injurieux."), moderator));

        var lost = await Assert.ThrowsAsync<ConflictException>(async () => await Send(new AddComment(id, null, "Moi aussi."), await Given.AnAgent()));

        Assert.Equal("Comment.Closed", lost.MessageKey);
        Assert.Equal(0, await WithDb(db => db.Comments.CountAsync(c => c.EntryId == id)));
        Assert.Equal(0, (await EntryAsync(id)).CommentCount);
    }

    [Fact]
    public async Task Of_two_moderators_hiding_the_same_comment_the_second_is_told_it_is_done()
    {
        var id = await Given.AnEntry();
        var comment = await Given.AComment(id, await Given.AnAgent());
        var moderator = await Given.AModerator();
        App.Race.BeforeNextTransaction(() => Send(new HideComment(comment, "Injurieux."), moderator));

        var lost = await Assert.ThrowsAsync<ConflictException>(() => Send(new HideComment(comment, "Hors sujet."), moderator));

        Assert.Equal("Comment.AlreadyHidden", lost.MessageKey);
        Assert.Equal(0, (await EntryAsync(id)).CommentCount);
        Assert.Equal("Injurieux.", Assert.Single(await AuditAsync(id)).Reason);
    }
}
