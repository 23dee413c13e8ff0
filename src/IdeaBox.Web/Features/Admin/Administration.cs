using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Admin;

public sealed record ThemeRow(int Id, string Name, int EntryCount);

/// <summary>The theme list with how many entries use each theme.</summary>
public sealed record ListThemes : IQuery<IReadOnlyList<ThemeRow>>;

/// <summary>An administrator adds a theme (Id null) or renames one.</summary>
public sealed record SaveTheme(int? Id, string? Name) : ICommand<int>, IValidate
{
    public const int NameMaxLength = 100;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return new(nameof(Name), "Validation.Required");
        else if (Name.Trim().Length > NameMaxLength) yield return new(nameof(Name), "Validation.MaxLength", NameMaxLength);
    }
}

/// <summary>An administrator removes a theme; entries keep their other themes.</summary>
public sealed record DeleteTheme(int Id) : ICommand;

public sealed class ThemeHandlers(IdeaBoxDb db, ICurrentUser user, IMemoryCache cache)
    : IQueryHandler<ListThemes, IReadOnlyList<ThemeRow>>, ICommandHandler<SaveTheme, int>, ICommandHandler<DeleteTheme>
{
    public async ValueTask<IReadOnlyList<ThemeRow>> Handle(ListThemes query, CancellationToken ct)
    {
        user.MustAdminister();
        return await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new ThemeRow(t.Id, t.Name, t.Entries.Count)).ToListAsync(ct);
    }

    public async ValueTask<int> Handle(SaveTheme command, CancellationToken ct)
    {
        user.MustAdminister();
        var name = command.Name!.Trim();
        if (await db.Themes.AnyAsync(t => t.Name == name && t.Id != command.Id, ct))
            throw new ValidationFailedException(new FieldError(nameof(command.Name), "Admin.ThemeExists"));
        Theme theme;
        if (command.Id is { } id)
        {
            theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"Theme {id}");
            theme.Name = name;
        }
        else
        {
            theme = new Theme { Name = name };
            db.Themes.Add(theme);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ValidationFailedException(new FieldError(nameof(command.Name), "Admin.ThemeExists"));
        }
        GetEntryFormOptionsHandler.Forget(cache);
        return theme.Id;
    }

    public async ValueTask<Unit> Handle(DeleteTheme command, CancellationToken ct)
    {
        user.MustAdminister();
        var theme = await db.Themes.Include(t => t.Entries).ThenInclude(e => e.Themes)
            .SingleOrDefaultAsync(t => t.Id == command.Id, ct) ?? throw new NotFoundException($"Theme {command.Id}");
        // An entry must keep at least one theme.
        if (theme.Entries.Any(e => e.Themes.Count == 1)) throw new ConflictException("Admin.ThemeIsOnlyTheme");
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(ct);
        GetEntryFormOptionsHandler.Forget(cache);
        return Unit.Value;
    }
}

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

public sealed record UserRow(int Id, string Name, string Email, string UnitName, IReadOnlyList<string> Roles);

/// <summary>Users found by name or e-mail, with their roles.</summary>
public sealed record ListUsers(string? Search, int Page = 1) : IQuery<UserPage>
{
    public const int PageSize = 30;
}

public sealed record UserPage(IReadOnlyList<UserRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An administrator sets a user's roles. Everyone keeps Agent; an administrator cannot remove their own Administrator role.</summary>
public sealed record SetUserRoles(int UserId, IReadOnlyList<string> Roles) : ICommand;

public sealed class UserHandlers(IdeaBoxDb db, ICurrentUser user, UserManager<AppUser> users)
    : IQueryHandler<ListUsers, UserPage>, ICommandHandler<SetUserRoles>
{
    public async ValueTask<UserPage> Handle(ListUsers query, CancellationToken ct)
    {
        user.MustAdminister();
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("%", "").Replace("_", "").Replace("[", "") + "%";
            q = q.Where(u => EF.Functions.Like(u.DisplayName, pattern) || EF.Functions.Like(u.Email!, pattern));
        }
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + ListUsers.PageSize - 1) / ListUsers.PageSize));
        var rows = await q.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((page - 1) * ListUsers.PageSize).Take(ListUsers.PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, UnitName = u.Unit!.Name,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return new UserPage(rows.Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.UnitName,
            Domain.Roles.ByPrecedence.Where(r.Roles.Contains).ToList())).ToList(), total, page, ListUsers.PageSize);
    }

    public async ValueTask<Unit> Handle(SetUserRoles command, CancellationToken ct)
    {
        user.MustAdminister();
        var target = await users.FindByIdAsync(command.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new NotFoundException($"User {command.UserId}");
        if (command.Roles.Any(r => !Domain.Roles.ByPrecedence.Contains(r)))
            throw new ValidationFailedException(new FieldError(nameof(command.Roles), "Admin.UnknownRole"));
        var wanted = command.Roles.Append(Domain.Roles.Agent).Distinct().ToList();
        if (target.Id == user.Id && !wanted.Contains(Domain.Roles.Administrator))
            throw new ValidationFailedException(new FieldError(nameof(command.Roles), "Admin.KeepOwnAdmin"));
        var current = await users.GetRolesAsync(target);
        var add = wanted.Except(current).ToList();
        var remove = current.Except(wanted).ToList();
        if (add.Count > 0) await users.AddToRolesAsync(target, add);
        if (remove.Count > 0) await users.RemoveFromRolesAsync(target, remove);
        // The user's cookie carries their roles; Identity refreshes it within a minute (see Program.cs).
        return Unit.Value;
    }
}
