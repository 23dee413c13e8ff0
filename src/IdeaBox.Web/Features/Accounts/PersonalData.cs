using IdeaBox.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Accounts;

/// <summary>
/// What IdeaBox holds about one person (the GDPR's right of access), and erasing it (the right to
/// erasure): the name and address go, the account can no longer sign in, what they wrote stays
/// signed "former agent", their votes stay as counts (attached to the nameless account).
/// </summary>
public sealed class PersonalData(IdeaBoxDb db, UserManager<AppUser> users, SecurityLog log, TimeProvider clock)
{
    public async Task<PersonalDataExport> ExportAsync(int userId, int? actorId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == userId && u.DeletedAt == null, ct)
            ?? throw new NotFoundException($"User {userId}");
        var roles = await users.GetRolesAsync(user);
        var logins = await users.GetLoginsAsync(user);
        var export = new PersonalDataExport(
            clock.GetUtcNow().UtcDateTime,
            new PersonalProfile(user.Id, user.DisplayName, user.Email ?? "", user.Unit!.Name, [.. Roles.ByPrecedence.Where(roles.Contains)],
                user.Culture, user.CreatedAt, user.PasswordHash is not null, user.TwoFactorEnabled, [.. logins.Select(l => l.ProviderDisplayName ?? l.LoginProvider)]),
            new PersonalSettings(!user.DigestOptOut, await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId)
                .OrderBy(p => p.Kind).Select(p => new PersonalPreference(p.Kind.ToString(), p.Delivery.ToString())).ToListAsync(ct)),
            await db.Entries.AsNoTracking().Where(e => e.AuthorId == userId).OrderBy(e => e.Id)
                .Select(e => new PersonalEntry(e.Id, e.Kind.ToString(), e.Title, e.Body, e.Status.ToString(), e.HideAuthorName, e.CreatedAt, e.UpdatedAt))
                .ToListAsync(ct),
            await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.Id)
                .Select(c => new PersonalComment(c.Id, c.EntryId, c.Body, c.CreatedAt, c.EditedAt)).ToListAsync(ct),
            await db.Votes.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.CreatedAt)
                .Select(v => new PersonalVote(v.EntryId, db.Entries.Where(e => e.Id == v.EntryId).Select(e => e.Title).First(), v.CreatedAt)).ToListAsync(ct),
            await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt)
                .Select(f => new PersonalFollow(f.EntryId, f.CreatedAt)).ToListAsync(ct),
            await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id)
                .Select(n => new PersonalNotification(n.Kind.ToString(), n.EntryId, n.Subject, n.Detail, n.Reason, n.CreatedAt, n.ReadAt)).ToListAsync(ct),
            await db.ExpertRequests.AsNoTracking().Where(r => r.ExpertId == userId && r.AnsweredAt != null).OrderBy(r => r.Id)
                .Select(r => new PersonalExpertOpinion(r.EntryId, r.Question, r.Answer!, r.AnsweredAt!.Value)).ToListAsync(ct),
            await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id)
                .Select(e => new PersonalSecurityEvent(e.At, e.Kind.ToString(), e.IpAddress, e.Detail)).ToListAsync(ct));
        await log.RecordAsync(SecurityEventKind.PersonalDataDownloaded, userId, user.Email, actorId, ct: ct);
        return export;
    }

    /// <summary>Erases the person; refused for the last administrator, who would leave nobody to run IdeaBox.</summary>
    public async Task DeleteAsync(int userId, int? actorId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || user.DeletedAt is not null) throw new NotFoundException($"User {userId}");
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Administrator)
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count(a => a.DeletedAt is null && a.DisabledAt is null && a.Id != userId) == 0)
            throw new ConflictException("Account.LastAdministrator");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var name = user.DisplayName;
        // Other people's notifications that name them ("X commented…") name a former agent from now on.
        await db.Notifications
            .Where(n => n.Detail == name && (n.Kind == NotificationKind.CommentOnYourEntry || n.Kind == NotificationKind.ReplyToYourComment || n.Kind == NotificationKind.ExpertAnswered))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Detail, NotificationText.FormerAgent), ct);
        await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Follows.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.NotificationPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        var others = roles.Where(r => r != Roles.Agent).ToList();
        if (others.Count > 0) (await users.RemoveFromRolesAsync(user, others)).ThrowIfFailed("");
        user.Anonymize(clock.GetUtcNow().UtcDateTime);
        (await users.UpdateAsync(user)).ThrowIfFailed("");
        // The log keeps that the account was deleted, not whose it was.
        log.Add(SecurityEventKind.AccountDeleted, userId, email: null, actorId, detail: actorId is null || actorId == userId ? "by the person" : "by an administrator");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}

public sealed record PersonalDataExport(DateTime ExportedAt, PersonalProfile Profile, PersonalSettings Settings, IReadOnlyList<PersonalEntry> Entries,
    IReadOnlyList<PersonalComment> Comments, IReadOnlyList<PersonalVote> Votes, IReadOnlyList<PersonalFollow> Follows,
    IReadOnlyList<PersonalNotification> Notifications, IReadOnlyList<PersonalExpertOpinion> ExpertOpinions, IReadOnlyList<PersonalSecurityEvent> SecurityEvents);

public sealed record PersonalProfile(int Id, string Name, string Email, string Unit, IReadOnlyList<string> Roles, string? Language, DateTime? CreatedAt,
    bool SignsInWithPassword, bool SecondFactor, IReadOnlyList<string> OrganisationSignIns);

public sealed record PersonalSettings(bool WeeklyDigest, IReadOnlyList<PersonalPreference> Notifications);

public sealed record PersonalPreference(string Kind, string Delivery);

public sealed record PersonalEntry(int Id, string Kind, string Title, string Body, string Status, bool NameHidden, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record PersonalComment(int Id, int EntryId, string Body, DateTime CreatedAt, DateTime? EditedAt);

public sealed record PersonalVote(int EntryId, string EntryTitle, DateTime At);

public sealed record PersonalFollow(int EntryId, DateTime Since);

public sealed record PersonalNotification(string Kind, int? EntryId, string Subject, string? Detail, string? Reason, DateTime At, DateTime? ReadAt);

public sealed record PersonalExpertOpinion(int EntryId, string Question, string Answer, DateTime AnsweredAt);

public sealed record PersonalSecurityEvent(DateTime At, string Kind, string? Address, string? Detail);
