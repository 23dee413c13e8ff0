namespace IdeaBox.Web.Features.Entries;

/// <summary>The state of an entry that decides what a user may do with it.</summary>
public sealed record EntryState(EntryStatus Status, int AuthorId);

/// <summary>
/// Who may reach an entry (<see cref="EntryRules.VisibleTo"/>). An entry the user may not see
/// answers exactly like one that does not exist (404), so changing an id in a URL reveals nothing.
/// </summary>
public static class EntryAccess
{
    public static IQueryable<Entry> VisibleTo(this IQueryable<Entry> entries, ICurrentUser user) =>
        entries.Where(EntryRules.VisibleTo(user.Id, user.Moderates));

    public static async Task<EntryState> VisibleEntryAsync(this IdeaBoxDb db, ICurrentUser user, int entryId, CancellationToken ct) =>
        await db.Entries.AsNoTracking().VisibleTo(user)
            .Where(e => e.Id == entryId)
            .Select(e => new EntryState(e.Status, e.AuthorId))
            .SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException($"Entry {entryId}");
}
