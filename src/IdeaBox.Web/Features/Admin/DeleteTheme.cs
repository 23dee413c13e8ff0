using IdeaBox.Web.Features.Entries;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator removes a theme; entries keep their other themes, and none may be left without one.</summary>
[Requires(Permissions.Administer)]
public sealed record DeleteTheme(int Id) : ICommand;

public sealed class DeleteThemeHandler(IdeaBoxDb db, IFusionCache cache) : ICommandHandler<DeleteTheme>
{
    public async ValueTask<Unit> Handle(DeleteTheme command, CancellationToken ct)
    {
        var theme = await db.Themes.Include(t => t.Entries).ThenInclude(e => e.Themes)
            .SingleOrDefaultAsync(t => t.Id == command.Id, ct) ?? throw new NotFoundException($"Theme {command.Id}");
        if (theme.Entries.Any(e => e.Themes.Count == 1)) throw new ConflictException("Admin.ThemeIsOnlyTheme");
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(ct);
        await GetEntryFormOptionsHandler.ForgetAsync(cache, ct);
        return Unit.Value;
    }
}
