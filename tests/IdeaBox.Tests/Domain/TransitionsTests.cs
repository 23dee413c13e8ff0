namespace IdeaBox.Tests.Domain;

/// <summary>The state machine of DESIGN.md, written out again by hand and compared with the table for every (from, to, role).</summary>
public sealed class TransitionsTests
{
    private static readonly string[] AllRoles = [.. Roles.ByPrecedence, Transitions.System];

    /// <summary>DESIGN.md, "The life of an entry", independently of the table: (allowed, reason required).</summary>
    internal static (bool Allowed, bool ReasonRequired) Expected(EntryStatus from, EntryStatus to, string role)
    {
        // The system closes an entry whose projects are done, and hides one that enough people reported (issue 12), with a reason.
        if (role == Transitions.System)
            return to == EntryStatus.Hidden && from != EntryStatus.Hidden ? (true, true) : (from == EntryStatus.InPlan && to == EntryStatus.Done, false);
        if (role != Roles.Moderator) return (false, false);
        if (from == to) return (false, false);
        if (to == EntryStatus.Hidden || from == EntryStatus.Hidden) return (true, true);
        return (from, to) switch
        {
            (EntryStatus.Submitted, EntryStatus.UnderReview) => (true, false),
            (EntryStatus.UnderReview, EntryStatus.Accepted) => (true, false),
            (EntryStatus.UnderReview, EntryStatus.Declined) => (true, true),
            (EntryStatus.UnderReview, EntryStatus.Merged) => (true, false),
            (EntryStatus.Accepted, EntryStatus.InPlan) => (true, false),
            _ => (false, false),
        };
    }

    public static TheoryData<EntryStatus, EntryStatus, string> EveryPairAndRole()
    {
        var data = new TheoryData<EntryStatus, EntryStatus, string>();
        foreach (var from in Enum.GetValues<EntryStatus>())
            foreach (var to in Enum.GetValues<EntryStatus>())
                foreach (var role in AllRoles)
                    data.Add(from, to, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairAndRole))]
    public void The_table_allows_exactly_the_moves_of_the_design(EntryStatus from, EntryStatus to, string role)
    {
        var (allowed, reasonRequired) = Expected(from, to, role);
        var rule = Transitions.Find(from, to, role);
        Assert.Equal(allowed, rule is not null);
        if (rule is not null) Assert.Equal(reasonRequired, rule.ReasonRequired);
    }

    [Fact]
    public void A_user_with_several_roles_gets_the_moderator_rule() =>
        Assert.NotNull(Transitions.Find(EntryStatus.Submitted, EntryStatus.UnderReview, [Roles.Agent, Roles.Moderator]));

    [Fact]
    public void The_status_form_offers_only_the_simple_moves()
    {
        Assert.Equal([EntryStatus.UnderReview], Transitions.ManualTargets(EntryStatus.Submitted));
        Assert.Equal([EntryStatus.Accepted, EntryStatus.Declined], Transitions.ManualTargets(EntryStatus.UnderReview).Order());
        Assert.Empty(Transitions.ManualTargets(EntryStatus.InPlan));
        Assert.Empty(Transitions.ManualTargets(EntryStatus.Hidden));
    }
}
