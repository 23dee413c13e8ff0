namespace IdeaBox.Web.Features.Admin;

public sealed record ThemeRow(int Id, string Name, int EntryCount);

/// <summary>The theme list with how many entries use each theme.</summary>
[Requires(Permissions.Administer)]
public sealed record ListThemes : IQuery<IReadOnlyList<ThemeRow>>;

public sealed class ListThemesHandler(IdeaBoxDb db) : IQueryHandler<ListThemes, IReadOnlyList<ThemeRow>>
{
    public async ValueTask<IReadOnlyList<ThemeRow>> Handle(ListThemes query, CancellationToken ct) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new ThemeRow(t.Id, t.Name, t.Entries.Count)).ToListAsync(ct);
}
