using IdeaBox.Web.Features.Entries;
using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator adds a theme (Id null) or renames one; names are unique.</summary>
[Requires(Permissions.Administer)]
public sealed record SaveTheme(int? Id, string? Name) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => FieldRules.Required(nameof(Name), Name?.Trim(), Theme.NameMaxLength);
}

public sealed class SaveThemeHandler(IdeaBoxDb db, IFusionCache cache) : ICommandHandler<SaveTheme, int>
{
    public async ValueTask<int> Handle(SaveTheme command, CancellationToken ct)
    {
        var name = command.Name!.Trim();
        if (await db.Themes.AnyAsync(t => t.Name == name && t.Id != command.Id, ct))
            throw new ValidationFailedException(nameof(command.Name), "Admin.ThemeExists");
        Theme theme;
        if (command.Id is { } id)
        {
            theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"Theme {id}");
            theme.Name = name;
        }
        else
        {
            theme = new Theme { Name = name };
            db.Themes.Add(theme);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ValidationFailedException(nameof(command.Name), "Admin.ThemeExists");
        }
        await GetEntryFormOptionsHandler.ForgetAsync(cache, ct);
        return theme.Id;
    }
}
