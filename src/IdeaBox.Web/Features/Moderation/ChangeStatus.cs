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
