using System.Globalization;
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

public sealed class SetUserRolesHandler(ICurrentUser user, UserManager<AppUser> users) : ICommandHandler<SetUserRoles>
{
    public async ValueTask<Unit> Handle(SetUserRoles command, CancellationToken ct)
    {
        var target = await users.FindByIdAsync(command.UserId.ToString(CultureInfo.InvariantCulture))
            ?? throw new NotFoundException($"User {command.UserId}");
        var wanted = command.Roles.Append(Roles.Agent).Distinct().ToList();
        if (target.Id == user.Id && !wanted.Contains(Roles.Administrator))
            throw new ValidationFailedException(nameof(command.Roles), "Admin.KeepOwnAdmin");
        var current = await users.GetRolesAsync(target);
        var add = wanted.Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count > 0) await users.AddToRolesAsync(target, add);
        if (remove.Count > 0) await users.RemoveFromRolesAsync(target, remove);
        // The user's cookie carries their roles; Identity refreshes it within a minute (see Program.cs).
        return Unit.Value;
    }
}
