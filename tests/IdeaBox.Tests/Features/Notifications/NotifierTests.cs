using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Tests.Features.Notifications;

/// <summary>Who hears about what (DESIGN.md, "Notifications"): the recipients of each trigger, and those who are not.</summary>
[Collection(Slices.Name)]
public sealed class NotifierTests(AppFixture app) : AppTest(app)
{
    private async Task<List<int>> RecipientsAsync(int entryId, NotificationKind kind) =>
        [.. (await NotificationsAsync(entryId, kind)).Select(n => n.UserId).Order()];

    [Fact]
    public async Task A_status_change_reaches_the_author_voters_and_followers_but_not_others_nor_the_moderator()
    {
        var moderator = await Given.AModerator();
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author);
        var (voter, follower, quitter, bystander) = (await Given.AVoter(id), await Given.AnAgent(), await Given.AVoter(id), await Given.AnAgent());
        await Send(new FollowEntry(id), follower);
        await Send(new UnfollowEntry(id), quitter);

        await Send(new ChangeStatus(id, EntryStatus.UnderReview, null), moderator);

        var expected = new[] { author.Id, voter.Id, follower.Id }.Order();
        Assert.Equal(expected, await RecipientsAsync(id, NotificationKind.StatusChanged));
        Assert.DoesNotContain(bystander.Id, await RecipientsAsync(id, NotificationKind.StatusChanged));
    }

    [Fact]
    public async Task A_comment_tells_the_entry_author_and_a_reply_tells_the_comment_author()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author);
        var (first, second) = (await Given.AnAgent(), await Given.AnAgent());

        var comment = await Send(new AddComment(id, null, "Chez nous aussi."), first);
        Assert.Equal([author.Id], await RecipientsAsync(id, NotificationKind.CommentOnYourEntry));

        await Send(new AddComment(id, comment, "Et chez nous."), second);
        Assert.Equal([first.Id], await RecipientsAsync(id, NotificationKind.ReplyToYourComment));
        Assert.Equal([author.Id, author.Id], await RecipientsAsync(id, NotificationKind.CommentOnYourEntry));

        // The author answering on their own entry notifies the commenter, not themself.
        await Send(new AddComment(id, comment, "Merci."), author);
        Assert.Equal([first.Id, first.Id], await RecipientsAsync(id, NotificationKind.ReplyToYourComment));
        Assert.Equal(2, (await RecipientsAsync(id, NotificationKind.CommentOnYourEntry)).Count);
    }
}

[Collection(Slices.Name)]
public sealed class NotificationListTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Marking_read_one_or_all_and_nobody_reads_someone_elses()
    {
        var agent = await Given.AnAgent();
        var id = await Given.AnEntry(author: agent);
        var commenter = await Given.AnAgent();
        await Send(new AddComment(id, null, "Un"), commenter);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Send(new AddComment(id, null, "Deux"), commenter);

        var page = await Send(new ListNotifications(), agent);
        Assert.Equal((2, 2), (page.Unread, page.Paging.Total));
        Assert.Equal(2, await Send(new CountUnreadNotifications(), agent));
        Assert.Equal(id, (await Send(new MarkNotificationRead(page.Items[0].Id), agent)).EntryId);
        Assert.Equal(1, await Send(new CountUnreadNotifications(), agent));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new MarkNotificationRead(page.Items[1].Id), commenter));
        await Send(new MarkAllNotificationsRead(), agent);
        Assert.Equal(0, await Send(new CountUnreadNotifications(), agent));
        Assert.All((await Send(new ListNotifications(), agent)).Items, n => Assert.True(n.IsRead));
    }
}

[Collection(Pages.Name)]
public sealed class NotificationPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_bell_counts_up_to_a_hundred_and_then_says_99_plus()
    {
        var agent = await Given.AnAgent();
        var entry = await Given.AnEntry(author: agent);
        async Task Unread(int count) => await WithDb(async db =>
        {
            for (var i = 0; i < count; i++)
                db.Notifications.Add(new Notification { UserId = agent.Id, Kind = NotificationKind.CommentOnYourEntry, EntryId = entry, Subject = "Un commentaire", CreatedAt = Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
        var client = await SignInAsync(agent);
        await Unread(99);
        Assert.Equal("99", (await client.Get("/Privacy")).Document.QuerySelector(".bell .count")!.FirstChild!.TextContent);
        await Unread(2);
        Assert.Equal(CountUnreadNotifications.Cap, await Send(new CountUnreadNotifications(), agent));
        Assert.Equal("99+", (await client.Get("/Privacy")).Document.QuerySelector(".bell .count")!.FirstChild!.TextContent);
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_the_page_marks_them_read()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, title: "Les formulaires RH changent sans prévenir");
        await Send(new ChangeStatus(id, EntryStatus.UnderReview, null), await Given.AModerator());

        var client = await SignInAsync(author);
        var (_, page) = await client.Get("/Notifications");
        Assert.Equal("1 notification non lue", string.Join(" ", page.QuerySelector(".bell .count")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("« Les formulaires RH changent sans prévenir » est passée au statut « En examen ».",
            page.QuerySelectorAll(".notification-list li p").Select(p => p.TextContent.Trim()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostForm("/Notifications", "form[action*=ReadAll]", new())).StatusCode);
        var (_, after) = await client.Get("/Notifications");
        Assert.Null(after.QuerySelector(".bell .count"));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_goes_to_its_entry()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author);
        await Send(new AddComment(id, null, "Bonjour"), await Given.AnAgent());
        var client = await SignInAsync(author);

        var opened = await client.PostForm("/Notifications", "form[action*=Open]", new());
        Assert.Equal(id, AppClient.RedirectedId(opened));
        Assert.Equal(0, await Send(new CountUnreadNotifications(), author));
    }
}
