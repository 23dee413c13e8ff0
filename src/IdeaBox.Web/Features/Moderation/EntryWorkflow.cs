using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// Moves an entry through the state machine: checks the move against <see cref="Transitions"/>,
/// applies it, writes the audit row and the notifications, all in the caller's unit of work.
/// </summary>
public static class EntryWorkflow
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The rule allowing the move; 403 for someone who may not moderate, 409 for a move the table refuses.</summary>
    public static Transitions.Rule Authorize(ICurrentUser user, EntryStatus from, EntryStatus to, string? reason)
    {
        var rule = Transitions.Find(from, to, user.HeldRoles);
        if (rule is null)
        {
            if (!user.IsModerator) throw new ForbiddenException($"{from} → {to} is not allowed to this user.");
            throw new ConflictException("Moderation.TransitionRefused");
        }
        if (rule.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException(new FieldError("Reason", "Validation.ReasonRequired"));
        if (reason is { Length: > ReasonMaxLength })
            throw new ValidationFailedException(new FieldError("Reason", "Validation.MaxLength", ReasonMaxLength));
        return rule;
    }

    public static async Task ApplyAsync(IdeaBoxDb db, Notifier notifier, Entry entry, EntryStatus to, string? reason,
        int? actorId, DateTime now, CancellationToken ct, string? auditTo = null)
    {
        var from = entry.Status;
        var action = to == EntryStatus.Hidden ? AuditAction.Hide
            : from == EntryStatus.Hidden ? AuditAction.Unhide
            : to == EntryStatus.Merged ? AuditAction.Merge
            : AuditAction.Transition;
        reason = string.IsNullOrWhiteSpace(reason) ? null : TextInput.Lines(reason.Trim());

        if (to == EntryStatus.Hidden) entry.StatusBeforeHidden = from;
        if (from == EntryStatus.Hidden) entry.StatusBeforeHidden = null;
        if (to == EntryStatus.UnderReview) entry.ReviewedAt ??= now;
        entry.Status = to;
        entry.StatusReason = reason;
        entry.UpdatedAt = now;

        db.Record(actorId, now, action, entry.Id, from.ToString(), auditTo ?? to.ToString(), reason);
        await notifier.StatusChangedAsync(entry.Id, entry.Title, entry.AuthorId, to, reason, actorId, ct);
    }
}
