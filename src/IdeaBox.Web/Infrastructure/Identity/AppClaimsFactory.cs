using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Puts in the sign-in cookie what pages read at each request without a query: the display name,
/// and whether the account signs in with a password but no second factor (see <see cref="TwoFactorRequirement"/>).
/// </summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<int>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<int>>(users, roles, options)
{
    public const string DisplayNameClaim = "ideabox:display_name";
    public const string PasswordWithoutSecondFactorClaim = "ideabox:password_without_2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.PasswordHash is not null && !user.TwoFactorEnabled) identity.AddClaim(new Claim(PasswordWithoutSecondFactorClaim, "true"));
        return identity;
    }
}
