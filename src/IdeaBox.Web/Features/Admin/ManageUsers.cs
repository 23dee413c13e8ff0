using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Admin;

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
