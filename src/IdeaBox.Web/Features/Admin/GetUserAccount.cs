using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>One account as an administrator manages it: who, where, how they sign in, what happened to it lately.</summary>
[Requires(Permissions.Administer)]
public sealed record GetUserAccount(int UserId) : IQuery<UserAccount>;

public sealed record UserAccount(
    int Id, string Name, string Email, int UnitId, string UnitName, IReadOnlyList<string> Roles, DateTime? CreatedAt,
    DateTime? DisabledAt, DateTimeOffset? LockedOutUntil, bool HasPassword, bool TwoFactor, IReadOnlyList<string> ExternalProviders,
    IReadOnlyList<SecurityEventRow> RecentEvents)
{
    public bool Invited => !HasPassword && ExternalProviders.Count == 0;
}

public sealed class GetUserAccountHandler(IdeaBoxDb db, UserManager<AppUser> users, TimeProvider clock) : IQueryHandler<GetUserAccount, UserAccount>
{
    public const int EventCount = 20;

    public async ValueTask<UserAccount> Handle(GetUserAccount query, CancellationToken ct)
    {
        var user = await users.FindAsync(query.UserId);
        var unit = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Name).SingleAsync(ct);
        var roles = await users.GetRolesAsync(user);
        var logins = await users.GetLoginsAsync(user);
        var events = await SecurityEventRow.Query(db, db.SecurityEvents.Where(e => e.UserId == user.Id))
            .Take(EventCount).ToListAsync(ct);
        var lockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : (DateTimeOffset?)null;
        return new UserAccount(user.Id, user.DisplayName, user.Email ?? "", user.UnitId, unit,
            [.. Roles.ByPrecedence.Where(roles.Contains)], user.CreatedAt, user.DisabledAt, lockedOut,
            user.PasswordHash is not null, user.TwoFactorEnabled, [.. logins.Select(l => l.ProviderDisplayName ?? l.LoginProvider)], events);
    }
}
