using System.Text;
using IdeaBox.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// Mails at once each notification its recipient wants by e-mail immediately (the others wait for
/// the daily summary, or stay in the application). A notification is claimed by setting its EmailedAt with a
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
        await db.SettleUnmailedAsync(clock.GetUtcNow().UtcDateTime, ct);
        var pending = await db.Delivered(NotificationDelivery.Immediately).OrderBy(n => n.Id).Take(200)
            .Select(n => new
            {
                n.Id, n.Kind, n.Subject, n.Detail, n.Reason, n.EntryId, n.CallId, Email = db.Users.Where(u => u.Id == n.UserId).Select(u => u.Email).First(),
                Name = db.Users.Where(u => u.Id == n.UserId).Select(u => u.DisplayName).First(),
                Culture = db.Users.Where(u => u.Id == n.UserId).Select(u => u.Culture).First()
            })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var n in pending)
        {
            // Shutting down: no new claim; a message claimed is finished (a claimed, unsent message would be lost).
            if (ct.IsCancellationRequested) break;
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Notifications.Where(x => x.Id == n.Id && x.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailedAt, now), CancellationToken.None);
            if (claimed == 0 || string.IsNullOrEmpty(n.Email)) continue;
            var email = Cultures.Run(n.Culture ?? settings.Culture, () =>
            {
                var l = Localization.Strings;
                var text = new StringBuilder()
                    .AppendLine(l["Email.Greeting", n.Name]).AppendLine()
                    .AppendLine(NotificationText.Compose(l, n.Kind, n.Subject, n.Detail));
                if (!string.IsNullOrEmpty(n.Reason)) text.AppendLine().AppendLine(l["Email.Reason", n.Reason]);
                text.AppendLine().AppendLine(settings.BaseUrl.TrimEnd('/') + NotificationText.Path(n.EntryId, n.CallId))
                    .AppendLine().AppendLine(l["Email.Footer", $"{settings.BaseUrl.TrimEnd('/')}/Settings"]);
                return new OutgoingEmail(n.Email, n.Name, l["Email.Subject", NotificationText.Compose(l, n.Kind, n.Subject, n.Detail)], text.ToString(), n.Culture ?? settings.Culture);
            });
            try
            {
                await transport.SendAsync(email, CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Kept by the transport (MailRetries) and tried again later; administrators see it in Administration → E-mails.
                logger.LogWarning(ex, "The e-mail of notification {Id} could not be sent; it will be tried again.", n.Id);
            }
        }
        return sent;
    }
}
