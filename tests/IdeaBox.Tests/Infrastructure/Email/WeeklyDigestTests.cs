using IdeaBox.Web.Features.Settings;
using IdeaBox.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdeaBox.Tests.Infrastructure.Email;

[Collection(Slices.Name)]
public sealed class WeeklyDigestTests(AppFixture app) : AppTest(app)
{
    private int MailCount() => Mailbox.Read(App.MailFolder).Count;

    [Fact]
    public void The_digest_covers_the_last_complete_week_monday_to_sunday_in_brussels()
    {
        // Wednesday 25 November 2026: the last complete week began on Monday 16 November.
        Assert.Equal(new DateOnly(2026, 11, 16), WeeklyDigest.LastCompleteWeek(TestClock.Start.UtcDateTime));
        // Sunday 22 November, 23:30 UTC is already Monday 00:30 in Brussels.
        Assert.Equal(new DateOnly(2026, 11, 16), WeeklyDigest.LastCompleteWeek(new DateTime(2026, 11, 22, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 11, 9), WeeklyDigest.LastCompleteWeek(new DateTime(2026, 11, 22, 22, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task The_digest_goes_once_per_user_and_week_even_when_two_instances_send_at_once()
    {
        var readers = new[] { await Given.AnAgent(), await Given.AnAgent(), await Given.AModerator() };
        var optedOut = await Given.AnAgent();
        await Send(new SaveMySettings(WeeklyDigest: false), optedOut);
        var digest = App.Service<WeeklyDigest>();

        // Two application instances (two services) racing on the same database.
        var other = ActivatorUtilities.CreateInstance<WeeklyDigest>(App.Services);
        var sent = await Task.WhenAll(digest.SendDueAsync(CancellationToken.None), other.SendDueAsync(CancellationToken.None));
        Assert.Equal(3, sent.Sum());
        Assert.Equal(0, await digest.SendDueAsync(CancellationToken.None));
        Assert.Equal(3, MailCount());

        var week = new DateOnly(2026, 11, 16);
        Assert.Equal(readers.Select(r => r.Id).Order(), await WithDb(db => db.DigestDeliveries.Where(d => d.WeekStart == week).Select(d => d.UserId).OrderBy(x => x).ToListAsync()));
        Assert.False(await WithDb(db => db.DigestDeliveries.AnyAsync(d => d.UserId == optedOut.Id)));

        // A week later, the next digest is due.
        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(3, await digest.SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_node_that_finds_its_users_taken_by_another_logs_one_line_and_no_error()
    {
        var readers = new[] { await Given.AnAgent(), await Given.AnAgent(), await Given.AnAgent() };
        var week = new DateOnly(2026, 11, 16);
        // The other node claims two of the three users between this node's reading of the recipients and its first claim.
        App.Hook.BeforeNext("INSERT INTO \"DigestDeliveries\"", () => WithDb(async db =>
        {
            db.DigestDeliveries.AddRange(readers.Take(2).Select(r => new DigestDelivery { UserId = r.Id, WeekStart = week, SentAt = DateTime.UtcNow }));
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(1, await App.Service<WeeklyDigest>().SendDueAsync(CancellationToken.None));
        Assert.Equal(1, MailCount());

        Assert.DoesNotContain(App.Logs.Lines, l => l.Level >= LogLevel.Warning);
        var summary = Assert.Single(App.Logs.Lines, l => l.Category == typeof(WeeklyDigest).FullName);
        Assert.Equal((LogLevel.Information, "Weekly digest for the week of 11/16/2026: 1 sent, 2 taken by another node, 0 failed."),
            (summary.Level, summary.Message));
    }

    [Fact]
    public async Task The_digest_lists_the_weeks_notifications_and_the_trending_entries()
    {
        var reader = await Given.AnAgent();
        var popular = await Given.AnEntry(title: "La cantine ferme trop tôt");
        await Given.Votes(popular, await Given.AnAgent());
        await WithDb(db =>
        {
            db.Notifications.Add(new Notification
            {
                UserId = reader.Id, Kind = NotificationKind.StatusChanged, EntryId = popular, Subject = "La cantine ferme trop tôt",
                Detail = "Accepted", CreatedAt = new DateTime(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc),
            });
            return db.SaveChangesAsync();
        });
        await App.Service<WeeklyDigest>().SendDueAsync(CancellationToken.None);

        var mail = Assert.Single(Mailbox.Read(App.MailFolder), m => m.To() == reader.Email);
        Assert.Contains("« La cantine ferme trop tôt » est passée au statut « Retenue »", mail.TextBody);
        Assert.Contains($"La cantine ferme trop tôt (1 vote) http://localhost:5080/Entries/{popular}", mail.TextBody);
    }
}
