namespace IdeaBox.Tests.Domain;

public sealed class CommentRulesTests
{
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

    [Theory]
    [InlineData(EntryStatus.Submitted, true)]
    [InlineData(EntryStatus.Declined, true)]
    [InlineData(EntryStatus.Done, true)]
    [InlineData(EntryStatus.Merged, false)]
    [InlineData(EntryStatus.Hidden, false)]
    public void Merged_and_hidden_entries_take_no_comments(EntryStatus status, bool open) =>
        Assert.Equal(open, CommentRules.IsOpenForComments(status));
}
