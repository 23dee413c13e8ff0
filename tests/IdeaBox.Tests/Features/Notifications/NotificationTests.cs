using IdeaBox.Domain;
using IdeaBox.Tests.Features.Moderation;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Features.Notifications;

public sealed class NotificationTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<List<int>> RecipientsAsync(int entryId, NotificationKind kind) =>
        (await app.NotificationsAsync(entryId, kind)).Select(n => n.UserId).Order().ToList();

    [Fact]
    public async Task A_status_change_reaches_the_author_voters_and_followers_but_not_others_nor_the_moderator()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var author = await app.UserAsync(TestApp.Agent);
        var id = await app.NewEntryAsync();
        var (voter, follower, quitter, bystander) = (await app.OtherAgentAsync(11), await app.OtherAgentAsync(12), await app.OtherAgentAsync(13), await app.OtherAgentAsync(14));
        await app.VoteAsync(id, voter, quitter);
        await app.Send(new FollowEntry(id), follower);
        await app.Send(new UnfollowEntry(id), quitter);

        await app.Send(new ChangeStatus(id, EntryStatus.UnderReview, null), moderator);

        Assert.Equal(new[] { author.Id, voter.Id, follower.Id }.Order(), await RecipientsAsync(id, NotificationKind.StatusChanged));
        Assert.DoesNotContain(bystander.Id, await RecipientsAsync(id, NotificationKind.StatusChanged));
    }

    [Fact]
    public async Task A_new_entry_tells_the_moderators_and_not_its_author()
    {
        var id = await app.NewEntryAsync();
        var moderators = await app.WithDb(db => db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Moderator))
            .Select(ur => ur.UserId).OrderBy(x => x).ToListAsync());
        Assert.Equal(moderators, await RecipientsAsync(id, NotificationKind.AwaitingTriage));
        // The author follows their entry from the start.
        Assert.True(await app.WithDb(db => db.Follows.AnyAsync(f => f.EntryId == id && f.UserId == app.UserAsync(TestApp.Agent).Result.Id)));
    }

    [Fact]
    public async Task A_comment_tells_the_entry_author_and_a_reply_tells_the_comment_author()
    {
        var author = await app.UserAsync(TestApp.Agent);
        var id = await app.NewEntryAsync();
        var (first, second) = (await app.OtherAgentAsync(15), await app.OtherAgentAsync(16));

        var comment = await app.Send(new AddComment(id, null, "Chez nous aussi."), first);
        Assert.Equal([author.Id], await RecipientsAsync(id, NotificationKind.CommentOnYourEntry));

        await app.Send(new AddComment(id, comment, "Et chez nous."), second);
        Assert.Equal([first.Id], await RecipientsAsync(id, NotificationKind.ReplyToYourComment));
        Assert.Equal([author.Id, author.Id], await RecipientsAsync(id, NotificationKind.CommentOnYourEntry));

        // The author answering on their own entry notifies the commenter, not themself.
        await app.Send(new AddComment(id, comment, "Merci."), author);
        Assert.Equal([first.Id, first.Id], await RecipientsAsync(id, NotificationKind.ReplyToYourComment));
        Assert.Equal(2, (await RecipientsAsync(id, NotificationKind.CommentOnYourEntry)).Count);
    }

    [Fact]
    public async Task Marking_read_one_or_all_and_nobody_reads_someone_elses()
    {
        var agent = await app.OtherAgentAsync(17);
        var id = await app.NewEntryAsync(author: agent);
        await app.Send(new AddComment(id, null, "Un"), await app.OtherAgentAsync(18));
        await app.Send(new AddComment(id, null, "Deux"), await app.OtherAgentAsync(18));

        var page = await app.Send(new ListNotifications(), agent);
        Assert.Equal(2, page.Unread);
        Assert.Equal(2, await app.Send(new CountUnreadNotifications(), agent));
        Assert.Equal(id, await app.Send(new MarkNotificationRead(page.Items[0].Id), agent));
        Assert.Equal(1, await app.Send(new CountUnreadNotifications(), agent));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new MarkNotificationRead(page.Items[1].Id), app.OtherAgentAsync(18).Result));
        await app.Send(new MarkAllNotificationsRead(), agent);
        Assert.Equal(0, await app.Send(new CountUnreadNotifications(), agent));
        Assert.All((await app.Send(new ListNotifications(), agent)).Items, n => Assert.True(n.IsRead));
    }

    [Fact]
    public async Task Each_notification_is_mailed_once_in_french_with_the_reason_and_a_link()
    {
        var mailer = app.Services.GetRequiredService<NotificationMailer>();
        await mailer.SendPendingAsync(CancellationToken.None);
        var before = MailCount();

        var moderator = await app.UserAsync(TestApp.Moderator);
        var id = await app.NewEntryAsync(title: "Le courrier arrive en retard");
        await app.SetStatusAsync(id, EntryStatus.UnderReview);
        await app.Send(new ChangeStatus(id, EntryStatus.Declined, "Hors de notre compétence."), moderator);
        var expected = await app.WithDb(db => db.Notifications.CountAsync(n => n.EmailedAt == null));

        Assert.Equal(expected, await mailer.SendPendingAsync(CancellationToken.None));
        Assert.Equal(0, await mailer.SendPendingAsync(CancellationToken.None));
        Assert.Equal(before + expected, MailCount());
        var declined = Directory.GetFiles(app.MailFolder).Select(File.ReadAllText).Where(t => t.Contains("Hors de notre comp")).ToList();
        var mail = Assert.Single(declined);
        Assert.Contains("To: ", mail);
        Assert.Contains($"/Entries/{id}", mail);
    }

    [Fact]
    public async Task The_weekly_digest_goes_once_per_user_and_week_even_when_two_instances_send_at_once()
    {
        var digest = app.Services.GetRequiredService<WeeklyDigest>();
        var optedOut = await app.OtherAgentAsync(19);
        await app.Send(new SaveMySettings(WeeklyDigest: false), optedOut);
        var expected = await app.WithDb(db => db.Users.CountAsync(u => !u.DigestOptOut && u.Email != null));
        var before = MailCount();

        // Two application instances (two services) racing on the same database.
        var other = ActivatorUtilities.CreateInstance<WeeklyDigest>(app.Services);
        var sent = await Task.WhenAll(digest.SendDueAsync(CancellationToken.None), other.SendDueAsync(CancellationToken.None));
        Assert.Equal(expected, sent.Sum());
        Assert.Equal(0, await digest.SendDueAsync(CancellationToken.None));
        Assert.Equal(before + expected, MailCount());

        var week = WeeklyDigest.LastCompleteWeek(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(DayOfWeek.Monday, week.DayOfWeek);
        Assert.Equal(expected, await app.WithDb(db => db.DigestDeliveries.CountAsync(d => d.WeekStart == week)));
        Assert.False(await app.WithDb(db => db.DigestDeliveries.AnyAsync(d => d.UserId == optedOut.Id)));

        // A week later, the next digest is due.
        app.Clock.Advance(TimeSpan.FromDays(7));
        try
        {
            Assert.Equal(expected, await digest.SendDueAsync(CancellationToken.None));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-7));
        }
    }

    private int MailCount() => Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml").Length : 0;
}
