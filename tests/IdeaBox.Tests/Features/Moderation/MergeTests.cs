using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Moderation;

public sealed class MergeTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<(int Source, int Target, FakeUser Moderator)> DuplicatesAsync()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var source = await app.NewEntryAsync(title: "Les imprimantes tombent en panne (doublon)");
        var target = await app.NewEntryAsync(title: "Les imprimantes tombent en panne");
        await app.SetStatusAsync(source, EntryStatus.UnderReview);
        return (source, target, moderator);
    }

    [Fact]
    public async Task Votes_move_with_one_per_person_and_counts_and_scores_are_recomputed()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        // Voters 0–3 on the source, 2–5 on the target: 2 and 3 overlap, so the target ends with 6 distinct voters.
        for (var i = 0; i < 4; i++) await app.VoteAsync(source, await app.OtherAgentAsync(i));
        for (var i = 2; i < 6; i++) await app.VoteAsync(target, await app.OtherAgentAsync(i));
        var follower = await app.OtherAgentAsync(20);
        await app.Send(new FollowEntry(source), follower);

        await app.Send(new MergeEntry(source, target, "Même sujet."), moderator);

        var (s, t) = (await app.EntryAsync(source), await app.EntryAsync(target));
        Assert.Equal((EntryStatus.Merged, target, 0), (s.Status, s.MergedIntoId, s.VoteCount));
        Assert.Equal(6, t.VoteCount);
        var votes = await app.WithDb(db => db.Votes.Where(v => v.EntryId == target).ToListAsync());
        Assert.Equal(6, votes.Select(v => v.UserId).Distinct().Count());
        Assert.Equal(0, await app.WithDb(db => db.Votes.CountAsync(v => v.EntryId == source)));
        var trending = app.Services.GetService(typeof(Trending)) as Trending;
        Assert.Equal(trending!.Recompute(votes.Select(v => v.CreatedAt).Order()), t.TrendingScore, 6);

        // Followers move too, and the source's followers heard of the merge.
        var followers = await app.WithDb(db => db.Follows.Where(f => f.EntryId == target).Select(f => f.UserId).ToListAsync());
        Assert.Contains(follower.Id, followers);
        Assert.Equal(0, await app.WithDb(db => db.Follows.CountAsync(f => f.EntryId == source)));
        Assert.Contains(await app.NotificationsAsync(source, NotificationKind.StatusChanged), n => n.UserId == follower.Id && n.Detail == "Merged");
        var audit = Assert.Single(await app.AuditAsync(source), a => a.Action == AuditAction.Merge);
        Assert.Contains($"#{target}", audit.To);
    }

    [Fact]
    public async Task The_source_comments_stay_and_show_on_the_target_under_a_banner()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        var commenter = await app.OtherAgentAsync(7);
        await app.Send(new IdeaBox.Web.Features.Comments.AddComment(source, null, "Chez nous aussi."), commenter);
        await app.Send(new MergeEntry(source, target, null), moderator);

        Assert.Equal(1, await app.WithDb(db => db.Comments.CountAsync(c => c.EntryId == source)));
        var merged = Assert.Single((await app.Send(new GetEntryRelations(target), commenter)).MergedDiscussions);
        Assert.Equal(source, merged.Id);
        Assert.Contains("Chez nous aussi.", Assert.Single(merged.Comments).BodyHtml);
        Assert.Equal(target, (await app.Send(new GetEntry(source), commenter)).MergedIntoId);
    }

    [Fact]
    public async Task A_merge_into_itself_a_closed_or_a_merged_entry_is_refused_and_changes_nothing()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        await app.VoteAsync(source, await app.OtherAgentAsync(1));

        async Task Refused(int? targetId, string key)
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new MergeEntry(source, targetId, null), moderator));
            Assert.Equal(("TargetId", key), (error.Errors.Single().Field, error.Errors.Single().MessageKey));
        }
        await Refused(null, "Merge.TargetRequired");
        await Refused(source, "Merge.Self");
        await Refused(999_999, "Merge.TargetUnknown");
        await app.SetStatusAsync(target, EntryStatus.Declined);
        await Refused(target, "Merge.TargetClosed");
        var merged = await app.NewEntryAsync();
        await app.WithDb(db => db.Entries.Where(e => e.Id == merged).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Merged).SetProperty(e => e.MergedIntoId, target)));
        await Refused(merged, "Merge.TargetMerged");

        var s = await app.EntryAsync(source);
        Assert.Equal((EntryStatus.UnderReview, 1, (int?)null), (s.Status, s.VoteCount, s.MergedIntoId));
        // Only entries under review can be merged; agents cannot merge.
        await app.SetStatusAsync(source, EntryStatus.Submitted);
        var open = await app.NewEntryAsync();
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new MergeEntry(source, open, null), moderator));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new MergeEntry(source, open, null), app.UserAsync(TestApp.Agent).Result));
    }

    [Fact]
    public async Task Merge_targets_are_found_by_words_of_their_title_among_open_entries()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        var found = await app.Send(new SearchMergeTargets(source, "imprimantes panne"), moderator);
        Assert.Contains(found, c => c.Id == target);
        Assert.DoesNotContain(found, c => c.Id == source);
        Assert.Empty(await app.Send(new SearchMergeTargets(source, " "), moderator));
    }
}
