using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator moves someone to another unit (their past entries keep the unit they were written in).</summary>
[Requires(Permissions.Administer)]
public sealed record ChangeUserUnit(int UserId, int? UnitId) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (UnitId is null) yield return new(nameof(UnitId), "Validation.Required");
    }
}

public sealed class ChangeUserUnitHandler(IdeaBoxDb db, UserManager<AppUser> users, SecurityLog log, ICurrentUser user) : ICommandHandler<ChangeUserUnit>
{
    public async ValueTask<Unit> Handle(ChangeUserUnit command, CancellationToken ct)
    {
        var target = await users.FindAsync(command.UserId);
        if (!await db.Units.AnyAsync(u => u.Id == command.UnitId, ct)) throw new ValidationFailedException(nameof(command.UnitId), "Validation.UnknownUnit");
        if (target.UnitId == command.UnitId) return Unit.Value;
        log.Add(SecurityEventKind.UnitChanged, target.Id, target.Email, user.Id,
            string.Create(CultureInfo.InvariantCulture, $"unit {target.UnitId} → {command.UnitId}"));
        target.UnitId = command.UnitId!.Value;
        (await users.UpdateAsync(target)).ThrowIfFailed(nameof(command.UnitId));
        return Unit.Value;
    }
}
