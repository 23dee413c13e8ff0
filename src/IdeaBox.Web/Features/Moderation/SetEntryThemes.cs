using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator sets the themes of any entry (the cross-service view of the slides).</summary>
public sealed record SetEntryThemes(int EntryId, IReadOnlyList<int> ThemeIds) : ICommand;

public sealed class SetEntryThemesHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetEntryThemes>
{
    public async ValueTask<Unit> Handle(SetEntryThemes command, CancellationToken ct)
    {
        user.MustModerate();
        var entry = await db.Entries.Include(e => e.Themes).SingleOrDefaultAsync(e => e.Id == command.EntryId, ct)
            ?? throw new NotFoundException($"Entry {command.EntryId}");
        var ids = command.ThemeIds.Distinct().ToList();
        if (ids.Count == 0) throw new ValidationFailedException(new FieldError("ThemeIds", "Validation.ThemeRequired"));
        var themes = await db.Themes.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (themes.Count != ids.Count) throw new ValidationFailedException(new FieldError("ThemeIds", "Validation.UnknownTheme"));

        var before = string.Join(", ", entry.Themes.Select(t => t.Name).Order());
        var after = string.Join(", ", themes.Select(t => t.Name).Order());
        if (before == after) return Unit.Value;
        entry.Themes.Clear();
        entry.Themes.AddRange(themes);
        db.Record(user.Id, clock.GetUtcNow().UtcDateTime, AuditAction.ThemesChanged, entry.Id, before, after);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
