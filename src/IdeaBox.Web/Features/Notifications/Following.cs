using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Notifications;

/// <summary>The current user follows an entry. Idempotent.</summary>
public sealed record FollowEntry(int EntryId) : ICommand;

/// <summary>The current user stops following an entry. Idempotent.</summary>
public sealed record UnfollowEntry(int EntryId) : ICommand;

public sealed class FollowEntryHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FollowEntry>
{
    public async ValueTask<Unit> Handle(FollowEntry command, CancellationToken ct)
    {
        await db.VisibleEntryAsync(user, command.EntryId, ct);
        await db.EnsureFollowingAsync(command.EntryId, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        return Unit.Value;
    }
}

public sealed class UnfollowEntryHandler(IdeaBoxDb db, ICurrentUser user) : ICommandHandler<UnfollowEntry>
{
    public async ValueTask<Unit> Handle(UnfollowEntry command, CancellationToken ct)
    {
        await db.VisibleEntryAsync(user, command.EntryId, ct);
        await db.Follows.Where(f => f.EntryId == command.EntryId && f.UserId == user.Id).ExecuteDeleteAsync(ct);
        return Unit.Value;
    }
}

public static class FollowingExtensions
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
