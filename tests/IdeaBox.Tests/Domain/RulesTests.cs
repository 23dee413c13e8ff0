using IdeaBox.Domain;

namespace IdeaBox.Tests.Domain;

public sealed class RulesTests
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
        Assert.Equal(3, Enum.GetValues<EntryKind>().Select(VoteRules.LabelKey).Distinct().Count());

    [Fact]
    public void Only_the_author_edits_and_only_while_submitted()
    {
        Assert.True(EntryRules.CanEdit(authorId: 1, EntryStatus.Submitted, userId: 1));
        Assert.False(EntryRules.CanEdit(authorId: 1, EntryStatus.Submitted, userId: 2));
        Assert.False(EntryRules.CanEdit(authorId: 1, EntryStatus.UnderReview, userId: 1));
    }

    [Fact]
    public void Entry_validation_names_each_field_that_breaks_a_rule()
    {
        var errors = EntryRules.Validate(new string('x', 121), new string('y', 20_001), []).ToList();
        Assert.Contains(errors, e => e.Field == "Title" && e.MessageKey == "Validation.MaxLength");
        Assert.Contains(errors, e => e.Field == "Body" && e.MessageKey == "Validation.MaxLength");
        Assert.Contains(errors, e => e.Field == "Themes" && e.MessageKey == "Validation.ThemeRequired");
        Assert.Empty(EntryRules.Validate(new string('x', 120), new string('y', 20_000), [1]));
        Assert.Contains(EntryRules.Validate("  ", "body", [1]), e => e.Field == "Title" && e.MessageKey == "Validation.Required");
    }

    [Fact]
    public void Comments_are_editable_by_their_author_for_fifteen_minutes()
    {
        var posted = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.True(CommentRules.CanEdit(7, posted, 7, posted.AddMinutes(15)));
        Assert.False(CommentRules.CanEdit(7, posted, 7, posted.AddMinutes(15).AddSeconds(1)));
        Assert.False(CommentRules.CanEdit(7, posted, 8, posted.AddMinutes(1)));
    }

    [Fact]
    public void Replies_keep_one_level()
    {
        Assert.Equal(5, CommentRules.ThreadRoot(parentId: 5, parentsParentId: null));
        Assert.Equal(5, CommentRules.ThreadRoot(parentId: 9, parentsParentId: 5));
    }

    [Fact]
    public void Hidden_names_stay_visible_to_moderators_and_the_author()
    {
        Assert.False(EntryRules.ShowsAuthorName(hideAuthorName: true, authorId: 1, userId: 2, isModerator: false));
        Assert.True(EntryRules.ShowsAuthorName(hideAuthorName: true, authorId: 1, userId: 2, isModerator: true));
        Assert.True(EntryRules.ShowsAuthorName(hideAuthorName: true, authorId: 1, userId: 1, isModerator: false));
    }
}
