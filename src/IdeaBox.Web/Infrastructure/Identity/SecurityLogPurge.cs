namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Deletes the security events older than Accounts:SecurityLogMonths, at start-up and then daily.
/// Several nodes may run it at once: deleting what is already gone does no harm.
/// </summary>
public sealed class SecurityLogPurge(IServiceScopeFactory scopes, ILogger<SecurityLogPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<SecurityLog>().PurgeAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} security events past their retention.", purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Purging the security log failed; trying again tomorrow.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
