using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Calls;

public sealed class CallOptions
{
    public const string Section = "Calls";
    /// <summary>Announce calls on their opening day and close them after their closing day in the background (off in the tests, which call it).</summary>
    public bool Background { get; set; } = true;
    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 60;
}

/// <summary>An open call as the banner, the home page and the entry form need it.</summary>
public sealed record OpenCallBrief(int Id, string Question, DateOnly ClosesOn, int KindMask, IReadOnlyList<string> InvitedPaths, IReadOnlyList<int> ThemeIds)
{
    /// <summary>Every unit when none is named; otherwise the named units and every unit below them.</summary>
    public bool Invites(string unitPath) => InvitedPaths.Count == 0 || InvitedPaths.Any(p => unitPath.StartsWith(p, StringComparison.Ordinal));

    public bool Seeks(EntryKind kind) => (KindMask & (1 << (int)kind)) != 0;
}

/// <summary>
/// The calls' calendar: which are open today (kept a minute, forgotten on every node at each change), and the two
/// moments that happen on their own: the announcement on the opening day, and the closing after the last day.
/// Each is claimed with a conditional update, so that with several nodes it happens once.
/// </summary>
public sealed class CallSchedule(IdeaBoxDb db, IFusionCache cache, TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private const string KeyPrefix = "calls:open:";

    public DateOnly Today => Display.LocalDay(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every call open today, latest closing last.</summary>
    public async Task<IReadOnlyList<OpenCallBrief>> OpenAsync(CancellationToken ct)
    {
        var today = Today;
        var key = KeyPrefix + today.ToString("O", CultureInfo.InvariantCulture);
        return await cache.GetOrSetAsync<IReadOnlyList<OpenCallBrief>>(key, async (_, token) => await db.Calls.AsNoTracking().AsSplitQuery().Where(c => c.OpensOn <= today && c.ClosesOn >= today).OrderBy(c => c.ClosesOn).ThenBy(c => c.Id)
            .Select(c => new OpenCallBrief(c.Id, c.Question, c.ClosesOn, c.KindMask, c.InvitedUnits.Select(u => u.Path).ToList(), c.Themes.Select(t => t.Id).ToList()))
            .ToListAsync(token), Freshness, ct);
    }

    /// <summary>The open calls that invite <paramref name="userId"/> (by the unit they belong to now).</summary>
    public async Task<IReadOnlyList<OpenCallBrief>> OpenForAsync(int userId, CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        if (open.Count == 0) return open;
        if (open.All(c => c.InvitedPaths.Count == 0)) return open;
        var path = await UnitPathAsync(userId, ct);
        return [.. open.Where(c => c.Invites(path))];
    }

    /// <summary>
    /// Refuses (400, next to the field) a contribution to a call that is unknown, not open today, that does not invite
    /// the author's unit, or that does not seek this kind of entry.
    /// </summary>
    public async Task EnsureCanContributeAsync(int callId, EntryKind? kind, int userId, CancellationToken ct)
    {
        var call = (await OpenAsync(ct)).FirstOrDefault(c => c.Id == callId);
        if (call is null)
            throw new ValidationFailedException("CallId", await db.Calls.AnyAsync(c => c.Id == callId, ct) ? "Call.NotOpen" : "Call.Unknown");
        if (call.InvitedPaths.Count > 0 && !call.Invites(await UnitPathAsync(userId, ct))) throw new ValidationFailedException("CallId", "Call.NotInvited");
        if (kind is { } k && !call.Seeks(k)) throw new ValidationFailedException("Kind", "Call.KindNotSought");
    }

    public Task<string> UnitPathAsync(int userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.Unit!.Path).SingleAsync(ct);

    /// <summary>After a call is opened or changed: every node reads the open calls again at once.</summary>
    public async Task ForgetAsync(CancellationToken ct)
    {
        var today = Today;
        foreach (var day in new[] { today.AddDays(-1), today, today.AddDays(1) })
            await cache.RemoveAsync(KeyPrefix + day.ToString("O", CultureInfo.InvariantCulture), token: ct);
    }

    /// <summary>Tells the invited agents of every call whose opening day has come and that was not announced yet. Returns how many calls.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken ct)
    {
        var today = Today;
        var due = await db.Calls.AsNoTracking().Where(c => c.AnnouncedAt == null && c.OpensOn <= today && c.ClosesOn >= today)
            .Select(c => new { c.Id, c.Question, c.ClosesOn, c.CreatedById, Paths = c.InvitedUnits.Select(u => u.Path).ToList() })
            .ToListAsync(ct);
        if (due.Count == 0) return 0;
        var people = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null && u.DeletedAt == null)
            .Select(u => new { u.Id, u.Unit!.Path }).ToListAsync(ct);
        var announced = 0;
        foreach (var call in due)
        {
            var brief = new OpenCallBrief(call.Id, call.Question, call.ClosesOn, 0, call.Paths, []);
            var recipients = people.Where(p => p.Id != call.CreatedById && brief.Invites(p.Path)).Select(p => p.Id);
            if (await ClaimAndNotifyAsync(call.Id, recipients, NotificationKind.CallOpened,
                    call.Question, call.ClosesOn, ct))
                announced++;
        }
        return announced;
    }

    /// <summary>
    /// Closes every call whose last day has passed: its contributors (the authors of its entries) and the moderator who
    /// opened it learn that the summary is published. Votes on its entries are frozen by date, whether or not this has run.
    /// </summary>
    public async Task<int> CloseDueAsync(CancellationToken ct)
    {
        var today = Today;
        var due = await db.Calls.AsNoTracking().Where(c => c.ClosedAt == null && c.ClosesOn < today)
            .Select(c => new { c.Id, c.Question, c.ClosesOn, c.CreatedById }).ToListAsync(ct);
        var closed = 0;
        foreach (var call in due)
        {
            var authors = await db.Entries.Where(e => e.CallId == call.Id).Where(EntryRules.Listed).Select(e => e.AuthorId).Distinct().ToListAsync(ct);
            if (await ClaimAndNotifyAsync(call.Id, authors.Append(call.CreatedById), NotificationKind.CallClosed,
                    call.Question, call.ClosesOn, ct))
                closed++;
        }
        if (closed > 0) await ForgetAsync(ct);
        return closed;
    }

    /// <summary>Claims the announcement (or the closing) with a conditional update and adds its notifications in the same transaction; false when another node had it.</summary>
    private async Task<bool> ClaimAndNotifyAsync(int callId, IEnumerable<int> recipients, NotificationKind kind, string question, DateOnly closesOn,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = kind == NotificationKind.CallOpened
            ? await db.Calls.Where(c => c.Id == callId && c.AnnouncedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.AnnouncedAt, now), ct)
            : await db.Calls.Where(c => c.Id == callId && c.ClosedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, now), ct);
        if (claimed == 0) return false;
        var subject = question.Length > Notification.SubjectMaxLength ? question[..Notification.SubjectMaxLength] : question;
        var detail = closesOn.ToString("O", CultureInfo.InvariantCulture);
        foreach (var userId in recipients.Distinct())
            db.Notifications.Add(new Notification { UserId = userId, Kind = kind, CallId = callId, Subject = subject, Detail = detail, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }
}

/// <summary>Announces and closes calls when their day comes, every minute, on every node (each moment is claimed once).</summary>
public sealed class CallWorker(IServiceScopeFactory scopes, IOptions<CallOptions> options, ILogger<CallWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var schedule = scope.ServiceProvider.GetRequiredService<CallSchedule>();
                var announced = await schedule.AnnounceDueAsync(stoppingToken);
                var closed = await schedule.CloseDueAsync(stoppingToken);
                if (announced + closed > 0) logger.LogInformation("Calls for contributions: {Announced} announced, {Closed} closed.", announced, closed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Announcing or closing calls for contributions failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
