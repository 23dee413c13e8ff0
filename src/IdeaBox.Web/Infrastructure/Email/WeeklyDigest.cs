using System.Text;
using IdeaBox.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// The weekly digest: per user, the week's notifications and the week's trending entries, for the
/// last complete week (Monday to Sunday, Brussels time). A (user, week) row is inserted before
/// sending, unless it exists: its key makes a second sending impossible, across restarts and nodes, and a node that
/// finds a user taken moves on without an error (one summary line per run).
/// </summary>
public sealed class WeeklyDigest(IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options,
    TimeProvider clock, IdeaBoxMetrics metrics, ILogger<WeeklyDigest> logger)
{
    public static DateOnly LastCompleteWeek(DateTime utcNow)
    {
        var today = Display.LocalDay(utcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return monday.AddDays(-7);
    }

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Mode == EmailMode.None) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var week = LastCompleteWeek(now);
        var (start, end) = (Display.StartOfDayUtc(week), Display.StartOfDayUtc(week.AddDays(7)));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => !u.DigestOptOut && u.Email != null && u.DisabledAt == null && u.DeletedAt == null && !db.DigestDeliveries.Any(d => d.UserId == u.Id && d.WeekStart == week))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.DisplayName, u.Culture }).ToListAsync(ct);
        if (recipients.Count == 0) return 0;
        var stories = await Features.Successes.SuccessStories.LoadAsync(db, since: start, take: null, ct);
        stories = stories.Where(s => s.FeaturedAt < end).ToList();
        var trending = await db.Entries.AsNoTracking()
            .Where(EntryRules.Listed).Where(e => e.Status != EntryStatus.Declined)
            .OrderByDescending(e => e.TrendingScore).Take(5).Select(e => new { e.Id, e.Title, e.VoteCount }).ToListAsync(ct);

        var (sent, taken, failed) = (0, 0, 0);
        foreach (var user in recipients)
        {
            // Shutting down: no new claim; a message claimed is finished (a claimed, unsent message would be lost).
            if (ct.IsCancellationRequested) break;
            // Another node sending the same digest at once has this user: expected, not an error.
            if (!await db.InsertOnceAsync(new DigestDelivery { UserId = user.Id, WeekStart = week, SentAt = now }, CancellationToken.None))
            {
                taken++;
                continue;
            }
            var events = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == user.Id && n.CreatedAt >= start && n.CreatedAt < end).Shown(db)
                .OrderBy(n => n.CreatedAt).Select(n => new { n.Kind, n.Subject, n.Detail }).ToListAsync(CancellationToken.None);
            var email = Cultures.Run(user.Culture ?? settings.Culture, () =>
            {
                var l = Localization.Strings;
                var baseUrl = settings.BaseUrl.TrimEnd('/');
                var text = new StringBuilder().AppendLine(l["Email.Greeting", user.DisplayName]).AppendLine()
                    .AppendLine(l["Digest.Week", Display.Day(week), Display.Day(week.AddDays(6))]).AppendLine()
                    .AppendLine(l["Digest.YourEvents"]);
                if (events.Count == 0) text.AppendLine("- " + l["Digest.NoEvents"]);
                foreach (var e in events) text.AppendLine("- " + NotificationText.Compose(l, e.Kind, e.Subject, e.Detail));
                text.AppendLine().AppendLine(l["Digest.Trending"]);
                foreach (var t in trending) text.AppendLine($"- {t.Title} ({l.Plural("Entries.Votes", t.VoteCount)}) {baseUrl}/Entries/{t.Id}");
                if (stories.Count > 0)
                {
                    text.AppendLine().AppendLine(l["Digest.Successes"]);
                    foreach (var s in stories) text.AppendLine($"- {s.Entry.Title} : {s.WhatChanged} ({l["Success.Contact", s.ContactUnit]}) {baseUrl}/Entries/{s.Entry.Id}");
                }
                text.AppendLine().AppendLine(l["Digest.OptOut", $"{baseUrl}/Settings"]);
                return new OutgoingEmail(user.Email!, user.DisplayName, l["Digest.Subject", Display.Day(week)], text.ToString(), user.Culture ?? settings.Culture);
            });
            try
            {
                await transport.SendAsync(email, CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogWarning(ex, "The digest of user {Id} for the week of {Week} could not be sent.", user.Id, week);
            }
        }
        metrics.DigestRun("weekly");
        logger.LogInformation("Weekly digest for the week of {Week}: {Sent} sent, {Taken} taken by another node, {Failed} failed.", week, sent, taken, failed);
        return sent;
    }
}
