using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>
/// An administrator disables an account (someone left, or is suspected): the person cannot sign in,
/// and their open sessions end at their next request. Their contributions stay.
/// </summary>
[Requires(Permissions.Administer)]
public sealed record DisableUser(int UserId) : ICommand;

public sealed class DisableUserHandler(UserManager<AppUser> users, SecurityLog log, ICurrentUser user, TimeProvider clock) : ICommandHandler<DisableUser>
{
    public async ValueTask<Unit> Handle(DisableUser command, CancellationToken ct)
    {
        if (command.UserId == user.Id) throw new ConflictException("Admin.NotYourself");
        var target = await users.FindAsync(command.UserId);
        if (target.DisabledAt is not null) return Unit.Value;
        target.DisabledAt = clock.GetUtcNow().UtcDateTime;
        log.Add(SecurityEventKind.AccountDisabled, target.Id, target.Email, user.Id);
        // The new stamp (saved with the rest) ends every session at its next request.
        (await users.UpdateSecurityStampAsync(target)).ThrowIfFailed("");
        return Unit.Value;
    }
}
