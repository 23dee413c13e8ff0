using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>Runs the mailer every few seconds, the weekly digest and the daily summaries every hour, when enabled.</summary>
public sealed class MailWorker(NotificationMailer mailer, WeeklyDigest digest, DailySummary summary, MailRetries retries, IOptions<EmailOptions> options,
    ILogger<MailWorker> logger)
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
                await retries.SendDueAsync(stoppingToken);
                if (DateTime.UtcNow >= nextDigest)
                {
                    await digest.SendDueAsync(stoppingToken);
                    await summary.SendDueAsync(stoppingToken);
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
