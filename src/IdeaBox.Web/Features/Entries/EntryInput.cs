namespace IdeaBox.Web.Features.Entries;

/// <summary>What an author writes when submitting or editing an entry.</summary>
public sealed record EntryInput(
    EntryKind? Kind,
    string? Title,
    string? Body,
    IReadOnlyList<int> ThemeIds,
    int? UnitId,
    bool HideAuthorName,
    int? CallId = null)
{
    public IEnumerable<FieldError> Validate()
    {
        if (Kind is null || !Enum.IsDefined(Kind.Value))
            yield return new(nameof(Kind), "Validation.UnknownKind");
        foreach (var error in EntryRules.Validate(Title, Body, ThemeIds.Distinct().ToList()))
            yield return error.Field == nameof(Entry.Themes) ? error with { Field = nameof(ThemeIds) } : error;
        // An anonymous entry filed under its author's own small unit would name them: the unit is chosen, never defaulted.
        if (HideAuthorName && UnitId is null)
            yield return new(nameof(UnitId), "Validation.AnonymousNeedsUnit");
    }

    /// <summary>
    /// Checks the references against the database and renders the body. Throws a validation
    /// error naming the field when a theme or unit does not exist, before anything is written.
    /// </summary>
    internal async Task<ResolvedEntryInput> ResolveAsync(IdeaBoxDb db, MarkdownRenderer markdown, int defaultUnitId, CancellationToken ct)
    {
        var themeIds = ThemeIds.Distinct().ToList();
        var themes = await db.Themes.Where(t => themeIds.Contains(t.Id)).ToListAsync(ct);
        var unitId = UnitId ?? defaultUnitId;
        var unitExists = await db.Units.AnyAsync(u => u.Id == unitId, ct);

        var errors = new List<FieldError>();
        if (themes.Count != themeIds.Count) errors.Add(new(nameof(ThemeIds), "Validation.UnknownTheme"));
        if (!unitExists) errors.Add(new(nameof(UnitId), "Validation.UnknownUnit"));
        var body = TextInput.Lines(Body)!;
        var bodyHtml = markdown.TryRender(body);
        if (bodyHtml is null) errors.Add(new(nameof(Body), "Validation.TooDeeplyNested", MarkdownRenderer.MaximumNestingDepth));
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        return new ResolvedEntryInput(Kind!.Value, Title!.Trim(), body, bodyHtml!, themes, unitId, HideAuthorName);
    }
}

internal sealed record ResolvedEntryInput(
    EntryKind Kind, string Title, string Body, string BodyHtml, List<Theme> Themes, int UnitId, bool HideAuthorName)
{
    public void ApplyTo(Entry entry)
    {
        entry.Kind = Kind;
        entry.Title = Title;
        entry.Body = Body;
        entry.BodyHtml = BodyHtml;
        entry.UnitId = UnitId;
        entry.HideAuthorName = HideAuthorName;
        entry.Themes.Clear();
        entry.Themes.AddRange(Themes);
    }
}
