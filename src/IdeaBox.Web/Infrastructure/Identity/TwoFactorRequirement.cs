using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// Moderators, leadership and administrators who sign in with a password must set up an
/// authenticator app before anything else (Accounts:RequireTwoFactorForStaff): every page but the
/// account's own sends them to do it. Accounts of the organisation's sign-in rely on the provider.
/// </summary>
public sealed class TwoFactorRequirement(IOptions<AccountOptions> options) : IAsyncPageFilter
{
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Moderator, Roles.Leadership, Roles.Administrator];

    /// <summary>What someone without their second factor yet may still open.</summary>
    private static readonly string[] Open = ["/Account/", "/Error", "/Privacy", "/Accessibility", "/Culture"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Applies(context.HttpContext.User) && !Open.Any(context.ActionDescriptor.ViewEnginePath.StartsWith))
        {
            context.Result = new RedirectToPageResult("/Account/TwoFactor", new { required = true });
            return;
        }
        await next();
    }

    /// <summary>Whether this signed-in user must set up their second factor before going on.</summary>
    public bool Applies(ClaimsPrincipal user) =>
        options.Value.RequireTwoFactorForStaff
        && user.HasClaim(c => c.Type == AppClaimsFactory.PasswordWithoutSecondFactorClaim)
        && StaffRoles.Any(user.IsInRole);
}
