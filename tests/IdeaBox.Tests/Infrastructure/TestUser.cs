using IdeaBox.Web.Infrastructure;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>A user the test created (see <see cref="Given"/>); slice tests send messages as them.</summary>
public sealed record TestUser(int Id, string Email, string DisplayName, IReadOnlyList<string> Roles) : ICurrentUser
{
    public bool IsSignedIn => true;

    public bool IsInRole(string role) => Roles.Contains(role);
}
