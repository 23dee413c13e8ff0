using System.Globalization;
using System.Text;
using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IdeaBox.Web.Features.Notifications;

public enum EmailMode
{
    /// <summary>No e-mail is sent (notifications stay in the application).</summary>
    None,
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupDirectory"/> (Development).</summary>
    Pickup,
    /// <summary>Messages go to the SMTP server of <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

public sealed class EmailOptions
{
    public EmailMode Mode { get; set; } = EmailMode.None;
    public string From { get; set; } = "IdeaBox <ideabox@ideabox.example>";
    public string PickupDirectory { get; set; } = "App_Data/mail";
    /// <summary>The address of the application, for the links in the messages.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>The language of the messages to users who never chose one.</summary>
    public string Culture { get; set; } = "fr-BE";
    /// <summary>Whether the application sends by itself in the background (tests call the senders directly).</summary>
    public bool Background { get; set; } = true;
    public int PollSeconds { get; set; } = 30;
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool StartTls { get; set; } = true;
}

public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string Text);

public interface IMailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

/// <summary>Sends through SMTP (MailKit), or writes .eml files to the pickup folder, as configured.</summary>
public sealed class MailKitTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IMailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Text };

        switch (settings.Mode)
        {
            case EmailMode.Pickup:
                var folder = Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
                Directory.CreateDirectory(folder);
                await message.WriteToAsync(Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml"), ct);
                break;
            case EmailMode.Smtp when !string.IsNullOrWhiteSpace(settings.Smtp.Host):
                using (var client = new SmtpClient())
                {
                    await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port,
                        settings.Smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
                    if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                        await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", ct);
                    await client.SendAsync(message, ct);
                    await client.DisconnectAsync(true, ct);
                }
                break;
        }
    }
}

/// <summary>Renders texts in the configured language of the messages.</summary>
internal static class InCulture
{
    public static T Run<T>(string culture, Func<T> render)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return render(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats); }
    }
}

/// <summary>
/// Mails each notification once. A notification is claimed by setting its EmailedAt with a
/// conditional update before it is sent, so two application instances never send the same one.
/// </summary>
public sealed class NotificationMailer(IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options,
    TimeProvider clock, ILogger<NotificationMailer> logger)
{
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Mode == EmailMode.None) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var pending = await db.Notifications.Where(n => n.EmailedAt == null).OrderBy(n => n.Id).Take(200)
            .Select(n => new { n.Id, n.Kind, n.Subject, n.Detail, n.Reason, n.EntryId, Email = db.Users.Where(u => u.Id == n.UserId).Select(u => u.Email).First(),
                Name = db.Users.Where(u => u.Id == n.UserId).Select(u => u.DisplayName).First(),
                Culture = db.Users.Where(u => u.Id == n.UserId).Select(u => u.Culture).First() })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var n in pending)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Notifications.Where(x => x.Id == n.Id && x.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailedAt, now), ct);
            if (claimed == 0 || string.IsNullOrEmpty(n.Email)) continue;
            var email = InCulture.Run(n.Culture ?? settings.Culture, () =>
            {
                var l = Localization.Strings;
                var text = new StringBuilder()
                    .AppendLine(l["Email.Greeting", n.Name]).AppendLine()
                    .AppendLine(NotificationText.Compose(l, n.Kind, n.Subject, n.Detail));
                if (!string.IsNullOrEmpty(n.Reason)) text.AppendLine().AppendLine(l["Email.Reason", n.Reason]);
                text.AppendLine().AppendLine(n.EntryId is { } id ? $"{settings.BaseUrl.TrimEnd('/')}/Entries/{id}" : $"{settings.BaseUrl.TrimEnd('/')}/Notifications")
                    .AppendLine().AppendLine(l["Email.Footer", $"{settings.BaseUrl.TrimEnd('/')}/Settings"]);
                return new OutgoingEmail(n.Email, n.Name, l["Email.Subject", NotificationText.Compose(l, n.Kind, n.Subject, n.Detail)], text.ToString());
            });
            try
            {
                await transport.SendAsync(email, ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // At most once: a failed message is logged, not retried forever.
                logger.LogWarning(ex, "The e-mail of notification {Id} could not be sent.", n.Id);
            }
        }
        return sent;
    }
}

/// <summary>
/// The weekly digest: per user, the week's notifications and the week's trending entries, for the
/// last complete week (Monday to Sunday, Brussels time). A (user, week) row is inserted before
/// sending; its key makes a second sending impossible, across restarts and instances.
/// </summary>
public sealed class WeeklyDigest(IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options,
    TimeProvider clock, ILogger<WeeklyDigest> logger)
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
            .Where(u => !u.DigestOptOut && u.Email != null && !db.DigestDeliveries.Any(d => d.UserId == u.Id && d.WeekStart == week))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.DisplayName, u.Culture }).ToListAsync(ct);
        if (recipients.Count == 0) return 0;
        var trending = await db.Entries.AsNoTracking()
            .Where(e => e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged && e.Status != EntryStatus.Declined)
            .OrderByDescending(e => e.TrendingScore).Take(5).Select(e => new { e.Id, e.Title, e.VoteCount }).ToListAsync(ct);

        var sent = 0;
        foreach (var user in recipients)
        {
            var delivery = new DigestDelivery { UserId = user.Id, WeekStart = week, SentAt = now };
            db.DigestDeliveries.Add(delivery);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                db.Entry(delivery).State = EntityState.Detached;
                continue;
            }
            var events = await db.Notifications.AsNoTracking()
                .Where(n => n.UserId == user.Id && n.CreatedAt >= start && n.CreatedAt < end)
                .OrderBy(n => n.CreatedAt).Select(n => new { n.Kind, n.Subject, n.Detail }).ToListAsync(ct);
            var email = InCulture.Run(user.Culture ?? settings.Culture, () =>
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
                text.AppendLine().AppendLine(l["Digest.OptOut", $"{baseUrl}/Settings"]);
                return new OutgoingEmail(user.Email!, user.DisplayName, l["Digest.Subject", Display.Day(week)], text.ToString());
            });
            try
            {
                await transport.SendAsync(email, ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The digest of user {Id} for the week of {Week} could not be sent.", user.Id, week);
            }
        }
        return sent;
    }
}

/// <summary>Runs the mailer every few seconds and the digest every hour, when enabled.</summary>
public sealed class MailWorker(NotificationMailer mailer, WeeklyDigest digest, IOptions<EmailOptions> options, ILogger<MailWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Background || settings.Mode == EmailMode.None) return;
        if (settings.Mode == EmailMode.Smtp && string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            logger.LogWarning("Email:Mode is Smtp but Email:Smtp:Host is empty: no e-mail will be sent.");
            return;
        }
        var nextDigest = DateTime.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.PollSeconds)));
        do
        {
            try
            {
                await mailer.SendPendingAsync(stoppingToken);
                if (DateTime.UtcNow >= nextDigest)
                {
                    await digest.SendDueAsync(stoppingToken);
                    nextDigest = DateTime.UtcNow.AddHours(1);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending e-mails failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
