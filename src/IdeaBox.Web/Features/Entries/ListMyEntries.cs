namespace IdeaBox.Web.Features.Entries;

/// <summary>Everything the current user wrote, whatever became of it, newest first.</summary>
[AnySignedInUser]
public sealed record ListMyEntries : IQuery<IReadOnlyList<MyEntry>>;

public sealed record MyEntry(EntrySummary Summary, string? StatusReason, bool CanEdit);

public sealed class ListMyEntriesHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<ListMyEntries, IReadOnlyList<MyEntry>>
{
    public async ValueTask<IReadOnlyList<MyEntry>> Handle(ListMyEntries query, CancellationToken ct)
    {
        var mine = await db.Entries.AsNoTracking()
            .Where(e => e.AuthorId == user.Id)
            .OrderByDescending(e => e.CreatedAt)
            .Select(e => new { e.Id, e.Kind, e.Title, e.Status, UnitName = e.Unit!.Name, e.VoteCount, e.CommentCount, e.CreatedAt, e.StatusReason })
            .ToListAsync(ct);
        var themes = await EntryThemeNames.ForAsync(db, mine.Select(e => e.Id).ToList(), ct);
        return mine.Select(e => new MyEntry(
            new EntrySummary(e.Id, e.Kind, e.Title, e.Status, e.UnitName, themes[e.Id].ToList(), e.VoteCount, e.CommentCount, e.CreatedAt),
            e.StatusReason, EntryRules.CanEdit(user.Id, e.Status, user.Id))).ToList();
    }
}
