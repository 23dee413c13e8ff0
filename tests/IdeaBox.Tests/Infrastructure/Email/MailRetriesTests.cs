using IdeaBox.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IdeaBox.Tests.Infrastructure.Email;

[Collection(Slices.Name)]
public sealed class MailRetriesTests(AppFixture app) : AppTest(app)
{
    private static readonly OutgoingEmail Message = new("camille@ministere.example", "Camille Dubois", "IdeaBox – Votre idée a reçu un avis", "Bonjour Camille,\n\nUn avis.", "fr-BE");

    private MailRetries Retries(IMailTransport server) => new(server, App.Service<IServiceScopeFactory>(), App.Clock, NullLogger<MailRetries>.Instance);

    private Task<List<MailRetry>> KeptAsync() => WithDb(db => db.MailRetries.AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_refused_message_is_kept_and_tried_again_later_until_it_goes()
    {
        var server = new Server { FailuresLeft = 2 };
        var retries = Retries(server);

        await Assert.ThrowsAsync<IOException>(() => retries.SendAsync(Message, CancellationToken.None));
        var kept = Assert.Single(await KeptAsync());
        Assert.Equal((1, Clock.UtcNow.AddMinutes(1), "Connection refused"), (kept.Attempts, kept.NextAttemptAt, kept.LastError));
        Assert.Equal((Message.ToAddress, Message.Subject, Message.Text), (kept.ToAddress, kept.Subject, kept.Text));

        Assert.Equal(0, await retries.SendDueAsync(CancellationToken.None));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await retries.SendDueAsync(CancellationToken.None));
        Assert.Equal((2, Clock.UtcNow.AddMinutes(5)), (await KeptAsync()).Select(k => (k.Attempts, k.NextAttemptAt)).Single());

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await retries.SendDueAsync(CancellationToken.None));
        Assert.Empty(await KeptAsync());
        Assert.Equal(Message, Assert.Single(server.Delivered));
    }

    [Fact]
    public async Task A_message_given_up_is_listed_for_administrators_who_can_send_it_again()
    {
        var retries = Retries(new Server { FailuresLeft = int.MaxValue });
        await Assert.ThrowsAsync<IOException>(() => retries.SendAsync(Message, CancellationToken.None));
        for (var i = 1; i < MailRetry.MaxAttempts; i++)
        {
            Clock.Advance(TimeSpan.FromHours(2));
            await retries.SendDueAsync(CancellationToken.None);
        }
        var given = Assert.Single(await KeptAsync());
        Assert.Equal((MailRetry.MaxAttempts, (DateTime?)null), (given.Attempts, given.NextAttemptAt));
        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await retries.SendDueAsync(CancellationToken.None));

        var admin = await SignInAsync(await Given.AnAdministrator());
        var (page, document) = await admin.Get("/Admin/Mail");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var row = document.QuerySelector("table.data tbody tr")!;
        Assert.Contains("camille@ministere.example", row.TextContent);
        Assert.Contains("Abandonné", row.TextContent);
        Assert.Contains("Connection refused", row.TextContent);

        var resent = await admin.PostForm("/Admin/Mail", "form[action*=Resend]", []);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(Clock.UtcNow, (await KeptAsync()).Single().NextAttemptAt);
        var (_, after) = await admin.Get(resent.Headers.Location!.OriginalString);
        Assert.Contains("L'e-mail sera renvoyé dans un instant.", after.Body!.TextContent);

        var server = new Server();
        Assert.Equal(1, await Retries(server).SendDueAsync(CancellationToken.None));
        Assert.Empty(await KeptAsync());
    }

    [Fact]
    public async Task Only_administrators_see_the_list_and_an_unknown_message_is_not_found()
    {
        var moderator = await SignInAsync(await Given.AModerator());
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.Get("/Admin/Mail")).Response.StatusCode);
        var admin = await SignInAsync(await Given.AnAdministrator());
        var (_, page) = await admin.Get("/Admin/Mail");
        Assert.Contains("Tous les e-mails sont partis.", page.Body!.TextContent);
        var token = AppClient.Token(page, "form:not(.language)");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostWithToken(token, "/Admin/Mail?handler=Resend&id=999")).StatusCode);
    }

    /// <summary>A mail server that refuses the first messages, then takes them.</summary>
    private sealed class Server : IMailTransport
    {
        public int FailuresLeft { get; set; }
        public List<OutgoingEmail> Delivered { get; } = [];

        public Task SendAsync(OutgoingEmail email, CancellationToken ct)
        {
            if (FailuresLeft-- > 0) throw new IOException("Connection refused");
            Delivered.Add(email);
            return Task.CompletedTask;
        }
    }
}
