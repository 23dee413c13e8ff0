namespace IdeaBox.Web.Features.Notifications;

/// <summary>Following an entry from wherever it happens (following it, voting for it).</summary>
public static class Followers
{
    /// <summary>Adds the follow unless it exists; a concurrent duplicate is harmless.</summary>
    public static async Task EnsureFollowingAsync(this IdeaBoxDb db, int entryId, int userId, DateTime now, CancellationToken ct)
    {
        if (await db.Follows.AnyAsync(f => f.EntryId == entryId && f.UserId == userId, ct)) return;
        var follow = new Follow { EntryId = entryId, UserId = userId, CreatedAt = now };
        db.Follows.Add(follow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.Entry(follow).State = EntityState.Detached;
        }
    }
}
