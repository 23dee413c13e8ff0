using IdeaBox.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>A new invitation link for someone who has not chosen a password yet (the old link stops working).</summary>
[Requires(Permissions.Administer)]
public sealed record ResendInvitation(int UserId) : ICommand<bool>;

public sealed class ResendInvitationHandler(UserManager<AppUser> users, Invitations invitations, ICurrentUser user) : ICommandHandler<ResendInvitation, bool>
{
    public async ValueTask<bool> Handle(ResendInvitation command, CancellationToken ct)
    {
        var target = await users.FindAsync(command.UserId);
        if (await users.HasPasswordAsync(target)) throw new ConflictException("Admin.AlreadyHasPassword");
        if (!target.CanSignIn) throw new ConflictException("Admin.AccountDisabled");
        // A new stamp voids the links sent before.
        await users.UpdateSecurityStampAsync(target);
        return await invitations.SendAsync(target, user.Id, ct);
    }
}
