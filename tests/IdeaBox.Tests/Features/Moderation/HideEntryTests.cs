using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class HideEntryTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Hiding_and_showing_again_restores_the_previous_status_with_a_reason_each_time()
    {
        var moderator = await Given.AModerator();
        var id = await Given.AnEntry(status: EntryStatus.Accepted);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new HideEntry(id, null), moderator));

        await Send(new HideEntry(id, "Propos injurieux."), moderator);
        var hidden = await EntryAsync(id);
        Assert.Equal((EntryStatus.Hidden, EntryStatus.Accepted, "Propos injurieux."), (hidden.Status, hidden.StatusBeforeHidden!.Value, hidden.StatusReason));
        // Another agent no longer reaches it.
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new GetEntry(id), await Given.AnAgent()));

        await Send(new ShowEntryAgain(id, "Propos reformulés."), moderator);
        Assert.Equal(EntryStatus.Accepted, (await EntryAsync(id)).Status);
        Assert.Equal([AuditAction.Hide, AuditAction.Unhide], (await AuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Showing_an_entry_that_is_not_hidden_is_a_conflict_and_agents_cannot_hide()
    {
        var id = await Given.AnEntry();
        await Assert.ThrowsAsync<ConflictException>(async () => await Send(new ShowEntryAgain(id, "Pourquoi ?"), await Given.AModerator()));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new HideEntry(id, "Je n'aime pas."), await Given.AnAgent()));
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(id)).Status);
    }

    [Fact]
    public async Task The_reason_for_hiding_goes_to_the_author_alone_not_to_followers()
    {
        var author = await Given.AnAgent();
        var follower = await Given.AnAgent();
        var id = await Given.AnEntry(status: EntryStatus.Accepted, author: author);
        await Send(new FollowEntry(id), follower);

        await Send(new HideEntry(id, "Propos injurieux envers un collègue."), await Given.AModerator());

        var told = await NotificationsAsync(id, NotificationKind.StatusChanged);
        Assert.Equal([author.Id], told.Select(n => n.UserId));
        Assert.DoesNotContain(await WithDb(db => db.Notifications.Where(n => n.UserId == follower.Id).ToListAsync()), n => n.EntryId == id);
    }

    [Fact]
    public async Task What_followers_were_told_about_an_entry_leaves_their_notifications_once_it_is_hidden()
    {
        var author = await Given.AnAgent();
        var follower = await Given.AnAgent();
        var id = await Given.AnEntry(status: EntryStatus.Submitted, author: author, title: "Propos injurieux");
        await Send(new FollowEntry(id), follower);
        var moderator = await Given.AModerator();
        await Send(new TakeUnderReview([id]), moderator);
        Assert.Equal(1, await Send(new CountUnreadNotifications(), follower));

        await Send(new HideEntry(id, "Propos injurieux envers un collègue."), moderator);

        Assert.Empty((await Send(new ListNotifications(), follower)).Items);
        Assert.Equal(0, await Send(new CountUnreadNotifications(), follower));
        // The author keeps what they were told, and learns why it was hidden.
        Assert.Equal(2, (await Send(new ListNotifications(), author)).Items.Count);
        // Nor will it be mailed later: the e-mail queue settles it.
        var pending = await WithDb(db => db.Notifications.Where(n => n.UserId == follower.Id && n.EmailedAt == null).Shown(db).CountAsync());
        Assert.Equal(0, pending);
    }
}
