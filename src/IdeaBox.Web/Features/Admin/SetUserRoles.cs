using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator sets a user's roles. Everyone keeps Agent; an administrator cannot remove their own Administrator role.</summary>
[Requires(Permissions.Administer)]
public sealed record SetUserRoles(int UserId, IReadOnlyList<string> Roles) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (Roles.Any(r => !Domain.Roles.ByPrecedence.Contains(r))) yield return new(nameof(Roles), "Admin.UnknownRole");
    }
}

public sealed class SetUserRolesHandler(ICurrentUser user, UserManager<AppUser> users, SecurityLog log) : ICommandHandler<SetUserRoles>
{
    public async ValueTask<Unit> Handle(SetUserRoles command, CancellationToken ct)
    {
        var target = await users.FindAsync(command.UserId);
        var wanted = command.Roles.Append(Roles.Agent).Distinct().ToList();
        if (target.Id == user.Id && !wanted.Contains(Roles.Administrator))
            throw new ValidationFailedException(nameof(command.Roles), "Admin.KeepOwnAdmin");
        var current = await users.GetRolesAsync(target);
        var add = wanted.Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count == 0 && remove.Count == 0) return Unit.Value;
        log.Add(SecurityEventKind.RolesChanged, target.Id, target.Email, user.Id,
            $"{string.Join(',', Roles.ByPrecedence.Where(current.Contains))} → {string.Join(',', Roles.ByPrecedence.Where(wanted.Contains))}");
        if (add.Count > 0) (await users.AddToRolesAsync(target, add)).ThrowIfFailed(nameof(command.Roles));
        if (remove.Count > 0) (await users.RemoveFromRolesAsync(target, remove)).ThrowIfFailed(nameof(command.Roles));
        // Their sessions end: someone who lost a role must not keep it in a copied cookie.
        (await users.UpdateSecurityStampAsync(target)).ThrowIfFailed(nameof(command.Roles));
        return Unit.Value;
    }
}
