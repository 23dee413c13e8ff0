namespace IdeaBox.Web.Features.Entries;

/// <summary>The author's own entry as the edit form shows it; refused once moderation has started.</summary>
[AnySignedInUser]
public sealed record GetEntryForEdit(int EntryId) : IQuery<EntryInput>;

public sealed class GetEntryForEditHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetEntryForEdit, EntryInput>
{
    public async ValueTask<EntryInput> Handle(GetEntryForEdit query, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().VisibleTo(user)
            .Where(e => e.Id == query.EntryId)
            .Select(e => new
            {
                e.AuthorId, e.Status, e.Kind, e.Title, e.Body, e.UnitId, e.HideAuthorName,
                ThemeIds = e.Themes.Select(t => t.Id).ToList(),
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Entry {query.EntryId}");
        if (!EntryRules.CanEdit(entry.AuthorId, entry.Status, user.Id))
            throw new ForbiddenException($"User {user.Id} may not edit entry {query.EntryId}.");
        return new EntryInput(entry.Kind, entry.Title, entry.Body, entry.ThemeIds, entry.UnitId, entry.HideAuthorName);
    }
}
