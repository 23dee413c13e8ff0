using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>The state of an entry that decides what a user may do with it.</summary>
public sealed record EntryState(EntryStatus Status, int AuthorId);

/// <summary>
/// Who may reach an entry. An entry the user may not see answers exactly like one that does not
/// exist (404), so changing an id in a URL reveals nothing.
/// </summary>
public static class EntryAccess
{
    public static bool CanSee(this ICurrentUser user, EntryStatus status, int authorId) =>
        EntryRules.CanSee(status, authorId, user.Id, user.IsModerator);

    public static async Task<EntryState> VisibleEntryAsync(this IdeaBoxDb db, ICurrentUser user, int entryId, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking()
            .Where(e => e.Id == entryId)
            .Select(e => new EntryState(e.Status, e.AuthorId))
            .SingleOrDefaultAsync(ct);
        if (entry is null || !user.CanSee(entry.Status, entry.AuthorId))
            throw new NotFoundException($"Entry {entryId}");
        return entry;
    }
}
