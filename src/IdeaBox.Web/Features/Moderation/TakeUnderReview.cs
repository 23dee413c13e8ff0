using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>A moderator takes several submitted entries under review at once. Returns how many moved; entries no longer submitted are left alone.</summary>
public sealed record TakeUnderReview(IReadOnlyList<int> EntryIds) : ICommand<int>;

public sealed class TakeUnderReviewHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<TakeUnderReview, int>
{
    public async ValueTask<int> Handle(TakeUnderReview command, CancellationToken ct)
    {
        user.MustModerate();
        var ids = command.EntryIds.Distinct().ToList();
        if (ids.Count == 0) throw new ValidationFailedException(new FieldError("EntryIds", "Moderation.NothingSelected"));
        var entries = await db.Entries.Where(e => ids.Contains(e.Id) && e.Status == EntryStatus.Submitted).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            EntryWorkflow.Authorize(user, entry.Status, EntryStatus.UnderReview, null);
            await EntryWorkflow.ApplyAsync(db, notifier, entry, EntryStatus.UnderReview, null, user.Id, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }
}
