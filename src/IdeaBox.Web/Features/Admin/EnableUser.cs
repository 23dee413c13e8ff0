using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator lets a disabled account sign in again.</summary>
[Requires(Permissions.Administer)]
public sealed record EnableUser(int UserId) : ICommand;

public sealed class EnableUserHandler(UserManager<AppUser> users, SecurityLog log, ICurrentUser user) : ICommandHandler<EnableUser>
{
    public async ValueTask<Unit> Handle(EnableUser command, CancellationToken ct)
    {
        var target = await users.FindAsync(command.UserId);
        if (target.DisabledAt is null) return Unit.Value;
        target.DisabledAt = null;
        log.Add(SecurityEventKind.AccountEnabled, target.Id, target.Email, user.Id);
        (await users.UpdateAsync(target)).ThrowIfFailed("");
        return Unit.Value;
    }
}
