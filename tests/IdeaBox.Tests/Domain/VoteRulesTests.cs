namespace IdeaBox.Tests.Domain;

public sealed class VoteRulesTests
{
    [Theory]
    [InlineData(EntryStatus.Submitted, true)]
    [InlineData(EntryStatus.UnderReview, true)]
    [InlineData(EntryStatus.Accepted, true)]
    [InlineData(EntryStatus.InPlan, true)]
    [InlineData(EntryStatus.Declined, false)]
    [InlineData(EntryStatus.Merged, false)]
    [InlineData(EntryStatus.Done, false)]
    [InlineData(EntryStatus.Hidden, false)]
    public void Closed_entries_take_no_votes(EntryStatus status, bool open) =>
        Assert.Equal(open, VoteRules.IsOpenForVotes(status));

    [Fact]
    public void Each_kind_has_its_own_vote_label() =>
        Assert.Equal(["Vote.Idea", "Vote.Difficulty", "Vote.Initiative"], Enum.GetValues<EntryKind>().Select(VoteRules.LabelKey));
}
