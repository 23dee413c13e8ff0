using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Admin;

public sealed record UnitRow(int Id, string Name, int? ParentId, int Depth, int UserCount);

/// <summary>The unit tree, in tree order.</summary>
public sealed record ListUnits : IQuery<IReadOnlyList<UnitRow>>;

/// <summary>An administrator adds a unit under a parent (or at the top), or renames one.</summary>
public sealed record SaveUnit(int? Id, string? Name, int? ParentId) : ICommand<int>, IValidate
{
    public const int NameMaxLength = 200;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return new(nameof(Name), "Validation.Required");
        else if (Name.Trim().Length > NameMaxLength) yield return new(nameof(Name), "Validation.MaxLength", NameMaxLength);
    }
}

public sealed class UnitHandlers(IdeaBoxDb db, ICurrentUser user, IMemoryCache cache) : IQueryHandler<ListUnits, IReadOnlyList<UnitRow>>, ICommandHandler<SaveUnit, int>
{
    public async ValueTask<IReadOnlyList<UnitRow>> Handle(ListUnits query, CancellationToken ct)
    {
        user.MustAdminister();
        var units = await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Name, u.ParentId, u.Depth, u.Path, Users = db.Users.Count(x => x.UnitId == u.Id) }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var rows = new List<UnitRow>();
        void Walk(int? parent)
        {
            foreach (var u in children[parent].OrderBy(u => u.Name))
            {
                rows.Add(new UnitRow(u.Id, u.Name, u.ParentId, u.Depth, u.Users));
                Walk(u.Id);
            }
        }
        Walk(null);
        return rows;
    }

    public async ValueTask<int> Handle(SaveUnit command, CancellationToken ct)
    {
        user.MustAdminister();
        var name = command.Name!.Trim();
        if (command.Id is { } id)
        {
            var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException($"Unit {id}");
            unit.Name = name;
            await db.SaveChangesAsync(ct);
            GetEntryFormOptionsHandler.Forget(cache);
            return unit.Id;
        }
        OrgUnit? parent = null;
        if (command.ParentId is { } parentId)
            parent = await db.Units.SingleOrDefaultAsync(u => u.Id == parentId, ct)
                ?? throw new ValidationFailedException(new FieldError(nameof(command.ParentId), "Validation.UnknownUnit"));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = new OrgUnit { Name = name, ParentId = parent?.Id, Depth = parent is null ? 0 : parent.Depth + 1 };
        db.Units.Add(created);
        await db.SaveChangesAsync(ct);
        // The materialised path needs the new id.
        created.Path = (parent?.Path ?? "/") + created.Id + "/";
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        GetEntryFormOptionsHandler.Forget(cache);
        return created.Id;
    }
}
