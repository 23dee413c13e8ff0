using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class MergeEntryTests(AppFixture app) : AppTest(app)
{
    private async Task<(int Source, int Target, TestUser Moderator)> DuplicatesAsync()
    {
        var source = await Given.AnEntry(status: EntryStatus.UnderReview, title: "Les imprimantes tombent en panne (doublon)");
        var target = await Given.AnEntry(title: "Les imprimantes tombent en panne");
        return (source, target, await Given.AModerator());
    }

    [Fact]
    public async Task Votes_move_with_one_per_person_and_the_count_and_score_are_recomputed()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        var voters = new List<TestUser>();
        for (var i = 0; i < 6; i++) voters.Add(await Given.AnAgent());
        // Voters 0–3 on the source, 2–5 on the target: 2 and 3 overlap, so the target ends with 6 distinct voters.
        await Given.Votes(source, [.. voters[..4]]);
        await Given.Votes(target, [.. voters[2..]]);
        var follower = await Given.AnAgent();
        await Send(new FollowEntry(source), follower);

        await Send(new MergeEntry(source, target, "Même sujet."), moderator);

        var (s, t) = (await EntryAsync(source), await EntryAsync(target));
        Assert.Equal((EntryStatus.Merged, target, 0, Trending.NoVotes), (s.Status, s.MergedIntoId!.Value, s.VoteCount, s.TrendingScore));
        Assert.Equal(voters.Select(v => v.Id).Order(), await WithDb(db => db.Votes.Where(v => v.EntryId == target).Select(v => v.UserId).OrderBy(x => x).ToListAsync()));
        Assert.Equal(0, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == source)));
        // Six votes cast at the start: 6 · 2^w, a score of w + log₂ 6 (w: weeks from 1 January 2020 to the start).
        var w = (TestClock.Start.UtcDateTime - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalDays / 7;
        Assert.Equal(6, t.VoteCount);
        Assert.Equal(w + Math.Log2(6), t.TrendingScore, 9);

        // Followers move too, and the source's followers heard of the merge.
        Assert.True(await WithDb(db => db.Follows.AnyAsync(f => f.EntryId == target && f.UserId == follower.Id)));
        Assert.Equal(0, await WithDb(db => db.Follows.CountAsync(f => f.EntryId == source)));
        Assert.Contains(await NotificationsAsync(source, NotificationKind.StatusChanged), n => n.UserId == follower.Id && n.Detail == "Merged");
        var audit = Assert.Single(await AuditAsync(source));
        Assert.Equal((AuditAction.Merge, EntryStatus.UnderReview, EntryStatus.Merged, target, "Même sujet."),
            (audit.Action, audit.FromStatus!.Value, audit.ToStatus!.Value, audit.OtherEntryId!.Value, audit.Reason));
    }

    [Fact]
    public async Task The_source_comments_stay_and_show_on_the_target_under_a_banner()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        var commenter = await Given.AnAgent();
        await Send(new AddComment(source, null, "Chez nous aussi."), commenter);
        await Send(new MergeEntry(source, target, null), moderator);

        Assert.Equal(1, await WithDb(db => db.Comments.CountAsync(c => c.EntryId == source)));
        var merged = Assert.Single((await Send(new GetEntryRelations(target), commenter)).MergedDiscussions);
        Assert.Equal(source, merged.Id);
        Assert.Contains("Chez nous aussi.", Assert.Single(merged.Comments).BodyHtml);
        Assert.Equal(target, (await Send(new GetEntry(source), commenter)).MergedIntoId);

        // Hidden later (abuse found in it): its title and comments leave the target's page, for everyone.
        await Send(new HideEntry(source, "Propos injurieux."), moderator);
        Assert.Empty((await Send(new GetEntryRelations(target), commenter)).MergedDiscussions);
        Assert.Empty((await Send(new GetEntryRelations(target), moderator)).MergedDiscussions);
        var (page, document) = await (await SignInAsync(commenter)).Get($"/Entries/{target}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Chez nous aussi.", document.Body!.TextContent);
        Assert.DoesNotContain("(doublon)", document.Body!.TextContent);
    }

    [Fact]
    public async Task A_hidden_entry_can_neither_be_merged_nor_promoted_which_would_publish_it_again()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        await Send(new HideEntry(source, "Propos injurieux."), moderator);

        await Assert.ThrowsAsync<ConflictException>(async () => await Send(new MergeEntry(source, target, null), moderator));
        var (_, _, operational) = await Given.APlanBranch();
        var project = await Given.AProject(operational);
        await Assert.ThrowsAsync<ConflictException>(async () => await Send(new PromoteEntry(source, project, null, null), moderator));
        Assert.False(await WithDb(db => db.ProjectEntries.AnyAsync(p => p.EntryId == source)));
        var entry = await EntryAsync(source);
        Assert.Equal(EntryStatus.Hidden, entry.Status);
        Assert.Null(entry.MergedIntoId);
    }

    [Fact]
    public async Task A_merge_into_itself_a_closed_or_a_merged_entry_is_refused_and_changes_nothing()
    {
        var (source, target, moderator) = await DuplicatesAsync();
        await Given.Votes(source, await Given.AnAgent());

        async Task Refused(int? targetId, string key)
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new MergeEntry(source, targetId, null), moderator));
            Assert.Equal(("TargetId", key), (error.Errors.Single().Field, error.Errors.Single().MessageKey));
        }
        await Refused(null, "Merge.TargetRequired");
        await Refused(source, "Merge.Self");
        await Refused(999_999, "Merge.TargetUnknown");
        await Refused(await Given.AnEntry(status: EntryStatus.Declined), "Merge.TargetClosed");
        await Refused(await Given.AnEntry(status: EntryStatus.Merged, mergedInto: target), "Merge.TargetMerged");

        var s = await EntryAsync(source);
        Assert.Equal((EntryStatus.UnderReview, 1, (int?)null), (s.Status, s.VoteCount, s.MergedIntoId));
        Assert.Empty(await AuditAsync(source));
    }

    [Fact]
    public async Task Only_entries_under_review_are_merged_and_only_by_moderators()
    {
        var submitted = await Given.AnEntry();
        var open = await Given.AnEntry();
        await Assert.ThrowsAsync<ConflictException>(async () => await Send(new MergeEntry(submitted, open, null), await Given.AModerator()));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new MergeEntry(submitted, open, null), await Given.AnAgent()));
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(submitted)).Status);
    }
}

[Collection(Slices.Name)]
public sealed class SearchMergeTargetsTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Targets_are_found_by_words_of_their_title_among_open_entries_other_than_the_source()
    {
        var source = await Given.AnEntry(status: EntryStatus.UnderReview, title: "Les imprimantes tombent en panne (doublon)");
        var target = await Given.AnEntry(title: "Les imprimantes tombent en panne");
        var idea = await Given.AnEntry(EntryKind.Idea, EntryStatus.Accepted, title: "Des imprimantes en panne réparées sur place");
        await Given.AnEntry(status: EntryStatus.Declined, title: "Imprimantes en panne, encore");
        var moderator = await Given.AModerator();

        Assert.Equal(new[] { target, idea }.Order(), (await Send(new SearchMergeTargets(source, "imprimantes panne"), moderator)).Select(c => c.Id).Order());
        Assert.Equal([target], (await Send(new SearchMergeTargets(source, "imprimantes panne", EntryKind.Difficulty), moderator)).Select(c => c.Id));
        Assert.Empty(await Send(new SearchMergeTargets(source, " "), moderator));
    }
}
