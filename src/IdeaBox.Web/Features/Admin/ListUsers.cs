namespace IdeaBox.Web.Features.Admin;

public sealed record UserRow(int Id, string Name, string Email, string UnitName, IReadOnlyList<string> Roles, UserState State);

/// <summary>Where an account stands, as the list shows it.</summary>
public enum UserState
{
    Active,
    /// <summary>Created, but the person has not chosen a password (nor signed in through the organisation) yet.</summary>
    Invited,
    Disabled,
}

/// <summary>Users found by name or e-mail, with their roles.</summary>
[Requires(Permissions.Administer)]
public sealed record ListUsers(string? Search, int Page = 1) : IQuery<UserPage>
{
    public const int PageSize = 30;
}

public sealed record UserPage(IReadOnlyList<UserRow> Items, Paging Paging);

public sealed class ListUsersHandler(IdeaBoxDb db) : IQueryHandler<ListUsers, UserPage>
{
    public async ValueTask<UserPage> Handle(ListUsers query, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + query.Search.Trim().Replace("%", "").Replace("_", "").Replace("[", "") + "%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern) || EF.Functions.Like(u.Email!, pattern));
        }
        var paging = Paging.Of(query.Page, await users.CountAsync(ct), ListUsers.PageSize);
        var rows = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, UnitName = u.Unit!.Name, Disabled = u.DisabledAt != null,
                Invited = u.PasswordHash == null && !db.UserLogins.Any(l => l.UserId == u.Id),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return new UserPage(rows.Select(r => new UserRow(r.Id, r.DisplayName, r.Email ?? "", r.UnitName,
            Domain.Roles.ByPrecedence.Where(r.Roles.Contains).ToList(),
            r.Disabled ? UserState.Disabled : r.Invited ? UserState.Invited : UserState.Active)).ToList(), paging);
    }
}
