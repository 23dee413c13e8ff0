using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator ends a lockout after too many wrong passwords, without waiting.</summary>
[Requires(Permissions.Administer)]
public sealed record UnlockUser(int UserId) : ICommand;

public sealed class UnlockUserHandler(UserManager<AppUser> users, SecurityLog log, ICurrentUser user) : ICommandHandler<UnlockUser>
{
    public async ValueTask<Unit> Handle(UnlockUser command, CancellationToken ct)
    {
        var target = await users.FindAsync(command.UserId);
        target.LockoutEnd = null;
        target.AccessFailedCount = 0;
        log.Add(SecurityEventKind.AccountUnlocked, target.Id, target.Email, user.Id);
        (await users.UpdateAsync(target)).ThrowIfFailed("");
        return Unit.Value;
    }
}
