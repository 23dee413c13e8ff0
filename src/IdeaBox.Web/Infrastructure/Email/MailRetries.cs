namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// The transport the application sends through: a message the server refuses is kept (<see cref="MailRetry"/>)
/// before the failure goes on to the caller, which logs it; <see cref="SendDueAsync"/> tries the kept ones again
/// with a growing delay. Each try is claimed with a conditional update, so with several nodes one node sends it.
/// </summary>
public sealed class MailRetries(IMailTransport inner, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MailRetries> logger) : IMailTransport
{
    /// <summary>How long a node holds a message it is trying, before another node may try it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        try
        {
            await inner.SendAsync(email, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var retry = new MailRetry
            {
                ToAddress = email.ToAddress, ToName = email.ToName, Subject = Truncate(email.Subject, MailRetry.SubjectMaxLength), Text = email.Text,
                Culture = email.Culture, CreatedAt = now,
            };
            retry.Failed(now, ex.Message);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
            db.MailRetries.Add(retry);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Tries again every kept message whose time has come; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.MailRetries.AsNoTracking().Where(m => m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Select(m => new { m.Id, m.NextAttemptAt }).Take(50).ToListAsync(ct);
        var sent = 0;
        foreach (var candidate in due)
        {
            if (ct.IsCancellationRequested) break;
            // Claimed by moving its next try past the lease: another node that read the same row updates nothing.
            var leased = now + Lease;
            if (await db.MailRetries.Where(m => m.Id == candidate.Id && m.NextAttemptAt == candidate.NextAttemptAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leased), CancellationToken.None) == 0)
                continue;
            var retry = await db.MailRetries.SingleAsync(m => m.Id == candidate.Id, CancellationToken.None);
            try
            {
                await inner.SendAsync(new OutgoingEmail(retry.ToAddress, retry.ToName, retry.Subject, retry.Text, retry.Culture), CancellationToken.None);
                db.MailRetries.Remove(retry);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                retry.Failed(clock.GetUtcNow().UtcDateTime, ex.Message);
                if (retry.NextAttemptAt is null)
                    logger.LogWarning(ex, "The e-mail \"{Subject}\" to {Address} was given up after {Attempts} tries; an administrator can send it again.",
                        retry.Subject, retry.ToAddress, retry.Attempts);
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return sent;
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
