namespace IdeaBox.Tests.Domain;

/// <summary>DESIGN.md's table of roles, written out again by hand.</summary>
public sealed class PermissionsTests
{
    [Theory]
    [InlineData(Permissions.Moderate, new[] { Roles.Moderator })]
    [InlineData(Permissions.Administer, new[] { Roles.Administrator })]
    [InlineData(Permissions.GiveExpertOpinions, new[] { Roles.Expert })]
    [InlineData(Permissions.ReadDashboard, new[] { Roles.Leadership, Roles.Moderator, Roles.Administrator })]
    public void Each_permission_belongs_to_the_roles_of_the_design(string permission, string[] holders)
    {
        foreach (var role in Roles.ByPrecedence)
            Assert.Equal(holders.Contains(role), Permissions.Grant(permission, r => r == role));
    }

    [Fact]
    public void An_agent_holds_no_permission() =>
        Assert.All(Permissions.Roles.Keys, p => Assert.False(Permissions.Grant(p, r => r == Roles.Agent)));

    [Fact]
    public void An_unknown_permission_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Permissions.Grant("Teleport", _ => true));
}
