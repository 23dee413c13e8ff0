using System.Text;
using IdeaBox.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// The daily summary: once a day, from <see cref="EmailOptions.DailySummaryHour"/> (Brussels time),
/// one e-mail per user with the notifications they chose to receive that way (by default, the new
/// entries a moderator has to triage). A (user, day) row is inserted before sending: its key makes
/// a second sending impossible, across restarts and instances.
/// </summary>
public sealed class DailySummary(IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options,
    TimeProvider clock, IdeaBoxMetrics metrics, ILogger<DailySummary> logger)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Mode == EmailMode.None) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var day = Display.LocalDay(now);
        if (now < Display.StartOfDayUtc(day).AddHours(settings.DailySummaryHour)) return 0;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var recipients = await db.Delivered(NotificationDelivery.DailySummary)
            .Where(n => !db.DailySummaryDeliveries.Any(d => d.UserId == n.UserId && d.Day == day))
            .Select(n => n.UserId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var (sent, taken, failed) = (0, 0, 0);
        foreach (var userId in recipients)
        {
            // Shutting down: no new claim; a message claimed is finished (a claimed, unsent message would be lost).
            if (ct.IsCancellationRequested) break;
            // Another node has this one: expected, not an error.
            if (!await db.InsertOnceAsync(new DailySummaryDelivery { UserId = userId, Day = day, SentAt = now }, CancellationToken.None))
            {
                taken++;
                continue;
            }
            var claimed = await db.Delivered(NotificationDelivery.DailySummary).Where(n => n.UserId == userId && n.CreatedAt <= now)
                .OrderBy(n => n.Id).Select(n => new { n.Id, n.Kind, n.Subject, n.Detail, n.EntryId, n.CallId }).ToListAsync(CancellationToken.None);
            var ids = claimed.Select(n => n.Id).ToList();
            await db.Notifications.Where(n => ids.Contains(n.Id) && n.EmailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), CancellationToken.None);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName, u.Culture }).SingleAsync(CancellationToken.None);
            if (claimed.Count == 0 || string.IsNullOrEmpty(user.Email)) continue;
            var email = Cultures.Run(user.Culture ?? settings.Culture, () =>
            {
                var l = Localization.Strings;
                var baseUrl = settings.BaseUrl.TrimEnd('/');
                var text = new StringBuilder().AppendLine(l["Email.Greeting", user.DisplayName]).AppendLine()
                    .AppendLine(l.Plural("Summary.Intro", claimed.Count)).AppendLine();
                foreach (var n in claimed)
                    text.AppendLine("- " + NotificationText.Compose(l, n.Kind, n.Subject, n.Detail))
                        .AppendLine("  " + baseUrl + NotificationText.Path(n.EntryId, n.CallId));
                text.AppendLine().AppendLine(l["Email.Footer", $"{baseUrl}/Settings"]);
                return new OutgoingEmail(user.Email, user.DisplayName, l["Email.Subject", l["Summary.Subject", Display.Day(day)]], text.ToString(),
                    user.Culture ?? settings.Culture);
            });
            try
            {
                await transport.SendAsync(email, CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogWarning(ex, "The daily summary of user {Id} for {Day} could not be sent.", userId, day);
            }
        }
        if (recipients.Count > 0)
        {
            metrics.DigestRun("daily");
            logger.LogInformation("Daily summary for {Day}: {Sent} sent, {Taken} taken by another node, {Failed} failed.", day, sent, taken, failed);
        }
        return sent;
    }
}
