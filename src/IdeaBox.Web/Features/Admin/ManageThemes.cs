using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Admin;

public sealed record ThemeRow(int Id, string Name, int EntryCount);

/// <summary>The theme list with how many entries use each theme.</summary>
public sealed record ListThemes : IQuery<IReadOnlyList<ThemeRow>>;

/// <summary>An administrator adds a theme (Id null) or renames one.</summary>
public sealed record SaveTheme(int? Id, string? Name) : ICommand<int>, IValidate
{
    public const int NameMaxLength = 100;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name)) yield return new(nameof(Name), "Validation.Required");
        else if (Name.Trim().Length > NameMaxLength) yield return new(nameof(Name), "Validation.MaxLength", NameMaxLength);
    }
}

/// <summary>An administrator removes a theme; entries keep their other themes.</summary>
public sealed record DeleteTheme(int Id) : ICommand;

public sealed class ThemeHandlers(IdeaBoxDb db, ICurrentUser user, IMemoryCache cache)
    : IQueryHandler<ListThemes, IReadOnlyList<ThemeRow>>, ICommandHandler<SaveTheme, int>, ICommandHandler<DeleteTheme>
{
    public async ValueTask<IReadOnlyList<ThemeRow>> Handle(ListThemes query, CancellationToken ct)
    {
        user.MustAdminister();
        return await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new ThemeRow(t.Id, t.Name, t.Entries.Count)).ToListAsync(ct);
    }

    public async ValueTask<int> Handle(SaveTheme command, CancellationToken ct)
    {
        user.MustAdminister();
        var name = command.Name!.Trim();
        if (await db.Themes.AnyAsync(t => t.Name == name && t.Id != command.Id, ct))
            throw new ValidationFailedException(new FieldError(nameof(command.Name), "Admin.ThemeExists"));
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
            throw new ValidationFailedException(new FieldError(nameof(command.Name), "Admin.ThemeExists"));
        }
        GetEntryFormOptionsHandler.Forget(cache);
        return theme.Id;
    }

    public async ValueTask<Unit> Handle(DeleteTheme command, CancellationToken ct)
    {
        user.MustAdminister();
        var theme = await db.Themes.Include(t => t.Entries).ThenInclude(e => e.Themes)
            .SingleOrDefaultAsync(t => t.Id == command.Id, ct) ?? throw new NotFoundException($"Theme {command.Id}");
        // An entry must keep at least one theme.
        if (theme.Entries.Any(e => e.Themes.Count == 1)) throw new ConflictException("Admin.ThemeIsOnlyTheme");
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(ct);
        GetEntryFormOptionsHandler.Forget(cache);
        return Unit.Value;
    }
}
