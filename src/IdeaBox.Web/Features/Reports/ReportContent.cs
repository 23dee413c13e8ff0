using System.ComponentModel.DataAnnotations;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>This many distinct people reporting the same entry or comment hide it until a moderator decides.</summary>
    [Range(1, 1000)]
    public int HideThreshold { get; set; } = 3;
}

/// <summary>
/// Anyone reports an entry, or one of its comments, once, with a reason. When enough distinct people
/// have reported it and no moderator has decided yet, it is hidden until one does.
/// </summary>
[AnySignedInUser]
public sealed record ReportContent(int EntryId, int? CommentId, ReportReason? Reason, string? Details) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => Report.Validate(Reason, Details);

    /// <summary>The reason stored (in the portal's first language) when reports hide something; the author reads it.</summary>
    public const string AutomaticReason = "Masqué automatiquement après plusieurs signalements, en attendant l'examen d'un modérateur.";
}

public sealed class ReportContentHandler(IdeaBoxDb db, ICurrentUser user, TimeProvider clock, IOptions<ReportOptions> options,
    EntryMoves moves, Notifier notifier) : ICommandHandler<ReportContent>
{
    public async ValueTask<Unit> Handle(ReportContent command, CancellationToken ct)
    {
        var entry = await db.VisibleEntryAsync(user, command.EntryId, ct);
        var authorId = entry.AuthorId;
        ModeratedComment? comment = null;
        if (command.CommentId is { } commentId)
        {
            comment = await db.Comments.AsNoTracking().Where(c => c.Id == commentId && c.EntryId == command.EntryId && c.HiddenAt == null)
                .Select(c => new ModeratedComment(c.Id, c.EntryId, c.AuthorId, c.Entry!.Title)).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Comment {commentId} on entry {command.EntryId}");
            authorId = comment.AuthorId;
        }
        if (authorId == user.Id) throw new ConflictException("Report.Own");

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Reports.Add(new Report
        {
            EntryId = command.EntryId, CommentId = command.CommentId, ReporterId = user.Id, Reason = command.Reason!.Value,
            Details = TextInput.Optional(command.Details), CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException("Report.Already");
        }

        var pending = await db.Reports.CountAsync(r => r.EntryId == command.EntryId && r.CommentId == command.CommentId && r.ResolvedAt == null, ct);
        if (pending >= Math.Max(1, options.Value.HideThreshold))
        {
            if (comment is not null)
            {
                await CommentHiding.HideAsync(db, notifier, comment, null, ReportContent.AutomaticReason, now, ct);
            }
            else
            {
                var tracked = await moves.FindAsync(command.EntryId, ct);
                if (tracked.Status != EntryStatus.Hidden) await moves.RecordAsync(tracked, tracked.Hide(Actor.System, ReportContent.AutomaticReason, now), ct);
            }
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
