namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator sets the themes of any entry (the cross-service view of the slides).</summary>
[Requires(Permissions.Moderate)]
public sealed record SetEntryThemes(int EntryId, IReadOnlyList<int> ThemeIds) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (ThemeIds.Count == 0) yield return new(nameof(ThemeIds), "Validation.ThemeRequired");
        else if (ThemeIds.Distinct().Count() > EntryRules.MaxThemes) yield return new(nameof(ThemeIds), "Validation.TooManyThemes", EntryRules.MaxThemes);
    }
}

public sealed class SetEntryThemesHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetEntryThemes>
{
    public async ValueTask<Unit> Handle(SetEntryThemes command, CancellationToken ct)
    {
        var entry = await db.Entries.Include(e => e.Themes).SingleOrDefaultAsync(e => e.Id == command.EntryId, ct)
            ?? throw new NotFoundException($"Entry {command.EntryId}");
        var ids = command.ThemeIds.Distinct().ToList();
        var themes = await db.Themes.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (themes.Count != ids.Count) throw new ValidationFailedException(nameof(command.ThemeIds), "Validation.UnknownTheme");

        var before = string.Join(", ", entry.Themes.Select(t => t.Name).Order());
        var after = string.Join(", ", themes.Select(t => t.Name).Order());
        if (before == after) return Unit.Value;
        entry.Themes.Clear();
        entry.Themes.AddRange(themes);
        db.AuditEvents.Add(AuditEvent.ThemesChanged(entry.Id, user.Id, clock.GetUtcNow().UtcDateTime, before, after));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
