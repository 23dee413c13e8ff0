namespace IdeaBox.Tests.Domain;

public sealed class EntryRulesTests
{
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
        Assert.Contains(EntryRules.Validate("t", "b", [1, 2, 3, 4, 5, 6]), e => e.Field == "Themes" && e.MessageKey == "Validation.TooManyThemes");
    }

    [Fact]
    public void Hidden_names_stay_visible_to_moderators_and_the_author()
    {
        Assert.False(EntryRules.ShowsAuthorName(hideAuthorName: true, authorId: 1, userId: 2, moderates: false));
        Assert.True(EntryRules.ShowsAuthorName(hideAuthorName: true, authorId: 1, userId: 2, moderates: true));
        Assert.True(EntryRules.ShowsAuthorName(hideAuthorName: true, authorId: 1, userId: 1, moderates: false));
        Assert.True(EntryRules.ShowsAuthorName(hideAuthorName: false, authorId: 1, userId: 2, moderates: false));
    }

    [Theory]
    [InlineData(EntryStatus.Submitted, true)]
    [InlineData(EntryStatus.UnderReview, true)]
    [InlineData(EntryStatus.Accepted, true)]
    [InlineData(EntryStatus.Declined, true)]
    [InlineData(EntryStatus.InPlan, true)]
    [InlineData(EntryStatus.Done, true)]
    [InlineData(EntryStatus.Merged, false)]
    [InlineData(EntryStatus.Hidden, false)]
    public void Hidden_and_merged_entries_are_not_listed(EntryStatus status, bool listed) =>
        Assert.Equal(listed, EntryRules.Listed.Compile()(Sample(status, authorId: 1)));

    [Theory]
    [InlineData(EntryStatus.Hidden, 1, false, true)]
    [InlineData(EntryStatus.Hidden, 2, false, false)]
    [InlineData(EntryStatus.Hidden, 2, true, true)]
    [InlineData(EntryStatus.Merged, 2, false, true)]
    [InlineData(EntryStatus.Declined, 2, false, true)]
    public void A_hidden_entry_is_seen_by_its_author_and_moderators_only(EntryStatus status, int userId, bool moderates, bool visible) =>
        Assert.Equal(visible, EntryRules.VisibleTo(userId, moderates).Compile()(Sample(status, authorId: 1)));

    [Theory]
    [InlineData(EntryStatus.Submitted, true)]
    [InlineData(EntryStatus.UnderReview, true)]
    [InlineData(EntryStatus.Accepted, true)]
    [InlineData(EntryStatus.InPlan, true)]
    [InlineData(EntryStatus.Declined, false)]
    [InlineData(EntryStatus.Merged, false)]
    [InlineData(EntryStatus.Done, false)]
    [InlineData(EntryStatus.Hidden, false)]
    public void Only_open_entries_receive_a_merge(EntryStatus status, bool receives)
    {
        Assert.Equal(receives, MergeRules.CanReceive(status));
        Assert.Equal(receives, MergeRules.Receivers.Compile()(Sample(status, authorId: 1)));
    }

    internal static Entry Sample(EntryStatus status, int authorId) =>
        new() { Id = 1, Title = "T", Body = "B", BodyHtml = "<p>B</p>", Status = status, AuthorId = authorId };
}
