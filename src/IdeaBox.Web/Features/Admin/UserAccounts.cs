using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Features.Admin;

/// <summary>Finding the account an administrator acts on: a deleted account is gone (404).</summary>
public static class UserAccounts
{
    public static async Task<AppUser> FindAsync(this UserManager<AppUser> users, int id) =>
        await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) is { DeletedAt: null } user
            ? user
            : throw new NotFoundException($"User {id}");
}
