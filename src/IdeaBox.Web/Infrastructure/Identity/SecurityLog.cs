using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Writes the security log: sign-ins, lockouts, password and second-factor changes, what
/// administrators did to accounts, exports. The address is the request's (behind a proxy, the one
/// the forwarded headers give). Never a password.
/// </summary>
public sealed class SecurityLog(IdeaBoxDb db, IHttpContextAccessor http, TimeProvider clock, IOptions<AccountOptions> options)
{
    /// <summary>Adds the event to the unit of work: it is saved with the change it records, or not at all.</summary>
    public void Add(SecurityEventKind kind, int? userId, string? email = null, int? actorId = null, string? detail = null) =>
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserId = userId,
            Email = Truncate(email, SecurityEvent.EmailMaxLength),
            ActorId = actorId == userId ? null : actorId,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Detail = Truncate(detail, SecurityEvent.DetailMaxLength),
        });

    /// <summary>Adds the event and saves it at once (a sign-in, a download: nothing else to save with it).</summary>
    public async Task RecordAsync(SecurityEventKind kind, int? userId, string? email = null, int? actorId = null, string? detail = null,
        CancellationToken ct = default)
    {
        Add(kind, userId, email, actorId, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the events older than the configured retention; returns how many.</summary>
    public Task<int> PurgeAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddMonths(-Math.Max(1, options.Value.SecurityLogMonths));
        return db.SecurityEvents.Where(e => e.At < before).ExecuteDeleteAsync(ct);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
