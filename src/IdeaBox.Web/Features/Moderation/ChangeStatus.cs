using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// A moderator moves an entry: take under review, accept, decline (with a reason), hide or show
/// again (with a reason). Merging and promotion have their own commands, which need a target.
/// </summary>
public sealed record ChangeStatus(int EntryId, EntryStatus To, string? Reason) : ICommand;

public sealed class ChangeStatusHandler(IdeaBoxDb db, ICurrentUser user, Notifier notifier, TimeProvider clock)
    : ICommandHandler<ChangeStatus>
{
    public async ValueTask<Unit> Handle(ChangeStatus command, CancellationToken ct)
    {
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Id == command.EntryId, ct);
        if (entry is null || !EntryRules.CanSee(entry.Status, entry.AuthorId, user.Id, user.IsModerator))
            throw new NotFoundException($"Entry {command.EntryId}");

        if (user.IsModerator && command.To is EntryStatus.Merged) throw new ConflictException("Moderation.UseMerge");
        if (user.IsModerator && command.To is EntryStatus.InPlan) throw new ConflictException("Moderation.UsePromote");
        // Showing a hidden entry again restores the status it had, nothing else.
        if (user.IsModerator && entry.Status == EntryStatus.Hidden && command.To != entry.StatusBeforeHidden)
            throw new ConflictException("Moderation.TransitionRefused");

        EntryWorkflow.Authorize(user, entry.Status, command.To, command.Reason);
        await EntryWorkflow.ApplyAsync(db, notifier, entry, command.To, command.Reason, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

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
