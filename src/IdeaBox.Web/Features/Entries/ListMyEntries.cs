namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// Everything the current user wrote, whatever became of it, newest first, a page at a time: an active
/// author's hundreds of entries are not read on every visit.
/// </summary>
[AnySignedInUser]
public sealed record ListMyEntries(int Page = 1) : IQuery<MyEntriesPage>
{
    public const int PageSize = ListEntries.PageSize;
}

public sealed record MyEntry(EntrySummary Summary, string? StatusReason, bool CanEdit);

public sealed record MyEntriesPage(IReadOnlyList<MyEntry> Items, Paging Paging);

public sealed class ListMyEntriesHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListMyEntries, MyEntriesPage>
{
    public async ValueTask<MyEntriesPage> Handle(ListMyEntries query, CancellationToken ct)
    {
        var written = db.Entries.AsNoTracking().Where(e => e.AuthorId == user.Id);
        var paging = Paging.Of(query.Page, await written.CountAsync(ct), ListMyEntries.PageSize);
        var mine = await written
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(e => new { e.Id, e.Kind, e.Title, e.Status, UnitName = e.Unit!.Name, e.VoteCount, e.CommentCount, e.CreatedAt, e.StatusReason })
            .ToListAsync(ct);
        var themes = await EntryThemeNames.ForAsync(db, mine.Select(e => e.Id).ToList(), ct);
        return new MyEntriesPage(mine.Select(e => new MyEntry(
            new EntrySummary(e.Id, e.Kind, e.Title, e.Status, e.UnitName, themes[e.Id].ToList(), e.VoteCount, e.CommentCount, e.CreatedAt),
            e.StatusReason, EntryRules.CanEdit(user.Id, e.Status, user.Id))).ToList(), paging);
    }
}
