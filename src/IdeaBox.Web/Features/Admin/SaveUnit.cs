using IdeaBox.Web.Features.Entries;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Admin;

/// <summary>
/// An administrator adds a unit under a parent (or at the top), or renames one. Its code (optional,
/// unique) is the organisation's own: HR files and the directory's claims name units by it.
/// </summary>
[Requires(Permissions.Administer)]
public sealed record SaveUnit(int? Id, string? Name, int? ParentId, string? Code = null) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() =>
        FieldRules.Required(nameof(Name), Name?.Trim(), OrgUnit.NameMaxLength)
            .Concat(FieldRules.Optional(nameof(Code), Code?.Trim(), OrgUnit.CodeMaxLength));
}

public sealed class SaveUnitHandler(IdeaBoxDb db, IFusionCache cache) : ICommandHandler<SaveUnit, int>
{
    public async ValueTask<int> Handle(SaveUnit command, CancellationToken ct)
    {
        var name = command.Name!.Trim();
        var code = string.IsNullOrWhiteSpace(command.Code) ? null : command.Code.Trim();
        if (code is not null && await db.Units.AnyAsync(u => u.Code == code && u.Id != command.Id, ct))
            throw new ConflictException("Admin.UnitCodeTaken", nameof(command.Code));
        if (command.Id is { } id)
        {
            var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException($"Unit {id}");
            unit.Name = name;
            unit.Code = code;
            await db.SaveChangesAsync(ct);
            await GetEntryFormOptionsHandler.ForgetAsync(cache, ct);
            return unit.Id;
        }
        OrgUnit? parent = null;
        if (command.ParentId is { } parentId)
            parent = await db.Units.SingleOrDefaultAsync(u => u.Id == parentId, ct)
                ?? throw new ValidationFailedException(nameof(command.ParentId), "Validation.UnknownUnit");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = new OrgUnit { Name = name, Code = code };
        db.Units.Add(created);
        await db.SaveChangesAsync(ct);
        // The materialised path needs the new id.
        created.PlaceUnder(parent);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await GetEntryFormOptionsHandler.ForgetAsync(cache, ct);
        return created.Id;
    }
}
