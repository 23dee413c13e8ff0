namespace IdeaBox.Domain;

/// <summary>What makes an entry valid and who may change it.</summary>
public static class EntryRules
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 20_000;
    public const int MaxThemes = 5;

    public static IEnumerable<FieldError> Validate(string? title, string? body, IReadOnlyCollection<int> themeIds)
    {
        if (string.IsNullOrWhiteSpace(title))
            yield return new(nameof(Entry.Title), "Validation.Required");
        else if (title.Trim().Length > TitleMaxLength)
            yield return new(nameof(Entry.Title), "Validation.MaxLength", TitleMaxLength);

        if (string.IsNullOrWhiteSpace(body))
            yield return new(nameof(Entry.Body), "Validation.Required");
        else if (body.Length > BodyMaxLength)
            yield return new(nameof(Entry.Body), "Validation.MaxLength", BodyMaxLength);

        if (themeIds.Count == 0)
            yield return new(nameof(Entry.Themes), "Validation.ThemeRequired");
        else if (themeIds.Count > MaxThemes)
            yield return new(nameof(Entry.Themes), "Validation.TooManyThemes", MaxThemes);
    }

    /// <summary>An author may edit their entry until moderation starts.</summary>
    public static bool CanEdit(int authorId, EntryStatus status, int userId) =>
        authorId == userId && status == EntryStatus.Submitted;

    /// <summary>Hidden and merged entries leave the public lists; the author and moderators still reach hidden ones.</summary>
    public static bool IsListed(EntryStatus status) => status is not (EntryStatus.Hidden or EntryStatus.Merged);

    public static bool CanSee(EntryStatus status, int authorId, int userId, bool isModerator) =>
        status != EntryStatus.Hidden || isModerator || authorId == userId;

    /// <summary>"Hide my name from other agents": moderators and the author still see it.</summary>
    public static bool ShowsAuthorName(bool hideAuthorName, int authorId, int userId, bool isModerator) =>
        !hideAuthorName || isModerator || authorId == userId;
}
