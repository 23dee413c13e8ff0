using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Settings;
using IdeaBox.Web.Infrastructure.Email;

namespace IdeaBox.Tests.Infrastructure.Email;

[Collection(Slices.Name)]
public sealed class NotificationDeliveryTests(AppFixture app) : AppTest(app)
{
    private Task<int> SendNow() => App.Service<NotificationMailer>().SendPendingAsync(CancellationToken.None);

    private Task<int> SendSummaries() => App.Service<DailySummary>().SendDueAsync(CancellationToken.None);

    [Fact]
    public async Task Moderators_get_new_entries_to_triage_as_one_daily_summary_never_one_e_mail_each()
    {
        var moderator = await Given.AModerator();
        var agent = await Given.AnAgent();
        var theme = await Given.ATheme();
        foreach (var title in new[] { "Les badges d'accès tombent en panne", "Le parking est saturé le lundi" })
            await Send(new SubmitEntry(new EntryInput(EntryKind.Difficulty, title, "Chaque semaine, le même problème revient.", [theme.Id], null, false)), agent);
        Assert.Equal(0, await SendNow());
        Assert.Empty(Mailbox.Read(App.MailFolder));

        // Wednesday 25 November 2026, 10:00 UTC is 11:00 in Brussels: the day's summary is due.
        Assert.Equal(1, await SendSummaries());
        Assert.Equal(0, await SendSummaries());
        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.Equal((moderator.Email, "IdeaBox – Résumé du 25 novembre 2026"), (mail.To(), mail.Subject));
        Assert.Contains("Votre résumé du jour : 2 événements.", mail.TextBody);
        Assert.Contains("Nouvelle contribution à trier : « Les badges d'accès tombent en panne ».", mail.TextBody);
        Assert.Contains("Nouvelle contribution à trier : « Le parking est saturé le lundi ».", mail.TextBody);

        // The next day's entry waits for the next day's summary, from 7:00 Brussels time.
        Clock.Set(new DateTimeOffset(2026, 11, 26, 5, 30, 0, TimeSpan.Zero));
        await Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "Un covoiturage entre services", "Une liste partagée suffirait.", [theme.Id], null, false)), agent);
        Assert.Equal(0, await SendSummaries());
        Clock.Set(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await SendSummaries());
        Assert.Equal(2, Mailbox.Read(App.MailFolder).Count);
    }

    [Fact]
    public async Task In_app_only_sends_nothing_and_a_moderator_may_ask_for_each_entry_at_once()
    {
        var author = await Given.AnAgent();
        var entry = await Given.AnEntry(author: author);
        await Send(new SaveMySettings(true, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.CommentOnYourEntry] = NotificationDelivery.InAppOnly }), author);
        await Send(new AddComment(entry, null, "Je confirme, même chose chez nous."), await Given.AnAgent());
        Assert.Equal(0, await SendNow());
        Assert.Equal(0, await SendSummaries());
        var kept = Assert.Single(await NotificationsAsync(entry));
        Assert.Equal((NotificationKind.CommentOnYourEntry, (DateTime?)null), (kept.Kind, kept.ReadAt));

        var eager = await Given.AModerator();
        await Send(new SaveMySettings(true, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.AwaitingTriage] = NotificationDelivery.Immediately }), eager);
        await Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "Des salles de réunion réservables en ligne", "Un agenda partagé.", [(await Given.ATheme()).Id], null, false)), author);
        Assert.Equal(1, await SendNow());
        Assert.Equal(eager.Email, Assert.Single(Mailbox.Read(App.MailFolder)).To());
    }

    [Fact]
    public async Task A_disabled_account_receives_no_e_mail()
    {
        var author = await Given.AnAgent();
        var entry = await Given.AnEntry(author: author);
        await Send(new DisableUser(author.Id), await Given.AnAdministrator());
        await Send(new AddComment(entry, null, "Une remarque."), await Given.AnAgent());
        Assert.Equal(0, await SendNow());
        Assert.NotNull(Assert.Single(await NotificationsAsync(entry)).EmailedAt);
    }
}
