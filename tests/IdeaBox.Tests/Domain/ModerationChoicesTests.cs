namespace IdeaBox.Tests.Domain;

/// <summary>What the moderation page offers in each state, written out by hand from DESIGN.md.</summary>
public sealed class ModerationChoicesTests
{
    [Theory]
    [InlineData(EntryStatus.Submitted, new[] { EntryStatus.UnderReview }, false, false, false)]
    [InlineData(EntryStatus.UnderReview, new[] { EntryStatus.Accepted, EntryStatus.Declined }, false, true, false)]
    [InlineData(EntryStatus.Accepted, new EntryStatus[0], true, false, false)]
    [InlineData(EntryStatus.InPlan, new EntryStatus[0], true, false, false)]
    [InlineData(EntryStatus.Declined, new EntryStatus[0], false, false, false)]
    [InlineData(EntryStatus.Done, new EntryStatus[0], false, false, false)]
    [InlineData(EntryStatus.Merged, new EntryStatus[0], false, false, false)]
    [InlineData(EntryStatus.Hidden, new EntryStatus[0], false, false, true)]
    public void Each_state_offers_its_moves(EntryStatus status, EntryStatus[] moves, bool promote, bool merge, bool showAgain)
    {
        var choices = ModerationChoices.For(status, EntryKind.Idea);
        Assert.Equal(moves.Order(), choices.Moves.Order());
        Assert.Equal((promote, merge, showAgain, !showAgain), (choices.CanPromote, choices.CanMerge, choices.CanShowAgain, choices.CanHide));
    }

    [Theory]
    [InlineData(EntryKind.Idea, true)]
    [InlineData(EntryKind.Initiative, true)]
    [InlineData(EntryKind.Difficulty, false)]
    public void Ideas_and_initiatives_answer_difficulties(EntryKind kind, bool links) =>
        Assert.Equal(links, ModerationChoices.For(EntryStatus.Submitted, kind).CanLinkAnswers);
}
