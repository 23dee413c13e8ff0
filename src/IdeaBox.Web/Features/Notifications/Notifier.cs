namespace IdeaBox.Web.Features.Notifications;

/// <summary>
/// Decides who hears about what (DESIGN.md, "Notifications") and adds the notifications to the
/// caller's unit of work: they are saved with the change they announce, or not at all. The actor
/// never notifies themself. E-mails follow from these rows (see <see cref="Infrastructure.Email.NotificationMailer"/>).
/// </summary>
public sealed class Notifier(IdeaBoxDb db, TimeProvider clock)
{
    /// <summary>The entry's new status (and its reason): its author and every follower (authors and voters follow automatically).</summary>
    public async Task StatusChangedAsync(Entry entry, int? actorId, CancellationToken ct)
    {
        // Hiding is said to the author alone, with its reason: followers are not told why (nor that) it left.
        var followers = entry.Status == EntryStatus.Hidden
            ? []
            : await db.Follows.Where(f => f.EntryId == entry.Id).Select(f => f.UserId).ToListAsync(ct);
        Add(followers.Append(entry.AuthorId), actorId, NotificationKind.StatusChanged, entry.Id, entry.Title, entry.Status.ToString(), entry.StatusReason);
    }

    /// <summary>A comment: the entry's author; for a reply, the author of the comment replied to.</summary>
    /// <summary>They remember the comment, so that hiding it takes them away.</summary>
    public void CommentAdded(int entryId, int commentId, string title, int entryAuthorId, int? repliedToAuthorId, int commenterId, string commenterName)
    {
        if (repliedToAuthorId is { } repliedTo)
            Add([repliedTo], commenterId, NotificationKind.ReplyToYourComment, entryId, title, commenterName, commentId: commentId);
        if (entryAuthorId != repliedToAuthorId)
            Add([entryAuthorId], commenterId, NotificationKind.CommentOnYourEntry, entryId, title, commenterName, commentId: commentId);
    }

    /// <summary>A moderator hid a comment: its author alone hears it, with the reason.</summary>
    public void CommentHidden(int commentAuthorId, int entryId, string title, string reason, int? moderatorId) =>
        Add([commentAuthorId], moderatorId, NotificationKind.CommentHidden, entryId, title, reason: reason);

    /// <summary>The people who reported an entry or a comment learn what the moderators decided.</summary>
    public void ReportHandled(IEnumerable<int> reporters, int entryId, string title, ReportOutcome outcome, int moderatorId) =>
        Add(reporters, moderatorId, NotificationKind.ReportHandled, entryId, title, outcome.ToString());

    public void ExpertRequested(int expertId, int entryId, string title, int moderatorId) =>
        Add([expertId], moderatorId, NotificationKind.ExpertRequested, entryId, title);

    public void ExpertAnswered(int moderatorId, int entryId, string title, int expertId, string expertName) =>
        Add([moderatorId], expertId, NotificationKind.ExpertAnswered, entryId, title, expertName);

    /// <summary>A progress note on a project: whoever follows an entry the project carries, once each.</summary>
    public async Task ProjectProgressAsync(int projectId, string projectLabel, string note, int actorId, CancellationToken ct)
    {
        var followers = await db.ProjectEntries.Where(pe => pe.ProjectId == projectId)
            .Join(db.Follows, pe => pe.EntryId, f => f.EntryId, (_, f) => f.UserId)
            .Distinct().ToListAsync(ct);
        Add(followers, actorId, NotificationKind.ProjectProgress, null, projectLabel, null, note);
    }

    /// <summary>A new entry waits for triage: every moderator hears of it.</summary>
    public async Task AwaitingTriageAsync(int entryId, string title, int authorId, CancellationToken ct)
    {
        var moderators = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Moderator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .ToListAsync(ct);
        Add(moderators, authorId, NotificationKind.AwaitingTriage, entryId, title);
    }

    private void Add(IEnumerable<int> recipients, int? actorId, NotificationKind kind, int? entryId, string subject,
        string? detail = null, string? reason = null, int? commentId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var userId in recipients.Distinct().Where(id => id != actorId))
            db.Notifications.Add(new Notification
            {
                UserId = userId, Kind = kind, EntryId = entryId, CommentId = commentId, Subject = Clip(subject, Notification.SubjectMaxLength)!,
                Detail = Clip(detail, Notification.DetailMaxLength), Reason = Clip(reason, Notification.ReasonMaxLength), CreatedAt = now,
            });
    }

    private static string? Clip(string? value, int max) => value is not null && value.Length > max ? value[..max] : value;
}
