using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure.Email;

namespace IdeaBox.Tests.Infrastructure.Email;

[Collection(Slices.Name)]
public sealed class NotificationMailerTests(AppFixture app) : AppTest(app)
{

    [Fact]
    public async Task Each_notification_is_mailed_once_in_french_with_the_reason_and_a_link()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, status: EntryStatus.UnderReview, title: "Le courrier arrive en retard");
        await Send(new ChangeStatus(id, EntryStatus.Declined, "Hors de notre compétence."), await Given.AModerator());
        var mailer = App.Service<NotificationMailer>();

        Assert.Equal(1, await mailer.SendPendingAsync(CancellationToken.None));
        Assert.Equal(0, await mailer.SendPendingAsync(CancellationToken.None));
        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.Equal(author.Email, mail.To());
        Assert.Contains("« Le courrier arrive en retard » est passée au statut « Non retenue »", mail.Subject);
        Assert.StartsWith($"Bonjour {author.DisplayName}", mail.TextBody);
        Assert.Contains("Hors de notre compétence.", mail.TextBody);
        Assert.Contains($"http://localhost:5080/Entries/{id}", mail.TextBody);
        Assert.Equal(Clock.UtcNow, (await NotificationsAsync(id)).Single().EmailedAt);
    }

    [Fact]
    public async Task A_node_told_to_stop_finishes_the_message_it_claimed_and_claims_no_other()
    {
        var moderator = await Given.AModerator();
        var first = await Given.AnEntry(author: await Given.AnAgent(), status: EntryStatus.UnderReview, title: "Premier");
        var second = await Given.AnEntry(author: await Given.AnAgent(), status: EntryStatus.UnderReview, title: "Second");
        await Send(new ChangeStatus(first, EntryStatus.Declined, "Non."), moderator);
        await Send(new ChangeStatus(second, EntryStatus.Declined, "Non."), moderator);
        var transport = new SlowTransport();
        var mailer = new NotificationMailer(App.Service<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(), transport, App.Service<Microsoft.Extensions.Options.IOptions<EmailOptions>>(),
            App.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<NotificationMailer>.Instance);
        using var stopping = new CancellationTokenSource();

        var batch = mailer.SendPendingAsync(stopping.Token);
        await transport.Started.Task;
        await stopping.CancelAsync();
        transport.Release.SetResult();

        Assert.Equal(1, await batch);
        Assert.Equal(["Premier"], transport.Sent.Select(s => s.Contains("Premier", StringComparison.Ordinal) ? "Premier" : "Second"));
        Assert.NotNull((await NotificationsAsync(first)).Single().EmailedAt);
        Assert.Null((await NotificationsAsync(second)).Single().EmailedAt);
    }

    /// <summary>A transport whose first message takes until the test releases it, and that gives up when its token is cancelled.</summary>
    private sealed class SlowTransport : IMailTransport
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Sent { get; } = [];

        public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(ct);
            Sent.Add(email.Subject);
        }
    }

    [Fact]
    public async Task Each_mail_has_an_html_alternative_that_says_the_same_in_the_portal_s_colours_with_a_link_to_the_preferences()
    {
        await WithDb(async db =>
        {
            db.Branding.Add(new Branding { OrganisationName = "Ministère <de> la Démo", PrimaryColour = "#6b2c91", UpdatedAt = Clock.UtcNow });
            return await db.SaveChangesAsync();
        });
        await App.Service<Web.Features.Admin.BrandingStore>().ForgetAsync(CancellationToken.None);
        var english = await Given.AUser([], culture: "en-GB");
        var id = await Given.AnEntry(author: english, status: EntryStatus.UnderReview, title: "Badges <b>perdus</b>");
        await Send(new ChangeStatus(id, EntryStatus.Declined, "Déjà traité."), await Given.AModerator());
        await App.Service<NotificationMailer>().SendPendingAsync(CancellationToken.None);

        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.StartsWith("Hello ", mail.TextBody);
        var html = AppClient.Parser.ParseDocument(mail.HtmlBody!);
        Assert.Equal("en-GB", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Ministère <de> la Démo", html.Body!.TextContent);
        Assert.Contains("background:#6b2c91", mail.HtmlBody);
        Assert.Contains("Badges <b>perdus</b>", html.Body.TextContent);
        Assert.Null(html.QuerySelector("b"));
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"http://localhost:5080/Entries/{id}");
        Assert.Equal("Choose which e-mails I receive", html.QuerySelectorAll("a").Last().TextContent);
        Assert.Equal("http://localhost:5080/Settings", html.QuerySelectorAll("a").Last().GetAttribute("href"));
    }

    [Fact]
    public async Task E_mails_are_written_in_the_recipients_language()
    {
        var english = await Given.AUser([], culture: "en-GB");
        var id = await Given.AnEntry(author: english, title: "Les archives débordent du sous-sol");
        await Send(new ChangeStatus(id, EntryStatus.UnderReview, null), await Given.AModerator());
        await App.Service<NotificationMailer>().SendPendingAsync(CancellationToken.None);

        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.Contains("Under review", mail.Subject);
        Assert.StartsWith("Hello ", mail.TextBody);
    }
}
