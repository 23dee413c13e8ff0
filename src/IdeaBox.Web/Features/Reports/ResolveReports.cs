using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Web.Features.Reports;

/// <summary>
/// A moderator decides about the pending reports on an entry or a comment, with a reason: upheld, the
/// content is (or stays) hidden; dismissed, content that the reports had hidden is shown again. Every
/// reporter learns the outcome; the decision is audited.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record ResolveReports(int EntryId, int? CommentId, ReportOutcome? Outcome, string? Reason) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (Outcome is null || !Enum.IsDefined(Outcome.Value)) yield return new(nameof(Outcome), "Report.ChooseOutcome");
        if (string.IsNullOrWhiteSpace(Reason)) yield return new(nameof(Reason), "Validation.ReasonRequired");
        foreach (var error in FieldRules.Optional(nameof(Reason), Reason, Transitions.ReasonMaxLength)) yield return error;
    }
}

public sealed class ResolveReportsHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock, EntryMoves moves, Notifier notifier)
    : ICommandHandler<ResolveReports>
{
    public async ValueTask<Unit> Handle(ResolveReports command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = command.Outcome!.Value;
        var reason = TextInput.Lines(command.Reason)!;
        var pending = db.Reports.Where(r => r.EntryId == command.EntryId && r.CommentId == command.CommentId && r.ResolvedAt == null);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var reporters = await pending.Select(r => r.ReporterId).ToListAsync(ct);
        // Of two moderators deciding at once, the second finds nothing left to decide.
        if (reporters.Count == 0 || await pending.ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, now)
                .SetProperty(r => r.ResolvedById, user.Id).SetProperty(r => r.Outcome, outcome), ct) == 0)
            throw new ConflictException("Report.NothingPending");

        var entry = await moves.FindAsync(command.EntryId, ct);
        if (command.CommentId is { } commentId)
        {
            var comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId)
                .Select(c => new { Facts = new ModeratedComment(c.Id, c.EntryId, c.AuthorId, c.Entry!.Title), c.HiddenAt, c.HiddenById })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException($"Comment {commentId}");
            if (outcome == ReportOutcome.Upheld) await CommentHiding.HideAsync(db, notifier, comment.Facts, user.Id, reason, now, ct);
            // Shown again only when the reports hid it (by the system), never over a moderator's own hiding.
            else if (comment.HiddenAt is not null && comment.HiddenById is null) await CommentHiding.ShowAsync(db, comment.Facts, user.Id, now, ct);
        }
        else if (outcome == ReportOutcome.Upheld && entry.Status != EntryStatus.Hidden)
        {
            await moves.RecordAsync(entry, entry.Hide(user.Actor, reason, now), ct);
        }
        else if (outcome == ReportOutcome.Dismissed && entry.Status == EntryStatus.Hidden && await HiddenBySystemAsync(entry.Id, ct))
        {
            await moves.RecordAsync(entry, entry.ShowAgain(user.Actor, reason, now), ct);
        }

        db.AuditEvents.Add(AuditEvent.ReportsResolved(command.EntryId, command.CommentId, user.Id, now, outcome, reason));
        notifier.ReportHandled(reporters.Distinct(), command.EntryId, entry.Title, outcome, user.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }

    private async Task<bool> HiddenBySystemAsync(int entryId, CancellationToken ct) =>
        await db.AuditEvents.Where(a => a.EntryId == entryId && a.Action == AuditAction.Hide)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.ActorId).FirstOrDefaultAsync(ct) is null;
}
