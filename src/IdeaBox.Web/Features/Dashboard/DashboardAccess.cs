using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;

namespace IdeaBox.Web.Features.Dashboard;

/// <summary>Only leadership, moderators and administrators see the dashboard.</summary>
internal static class DashboardAccess
{
    public static void MustSeeDashboard(this ICurrentUser user)
    {
        if (!user.IsInRole(Roles.Leadership) && !user.IsModerator && !user.IsAdministrator)
            throw new ForbiddenException("The dashboard is for leadership, moderators and administrators.");
    }
}
