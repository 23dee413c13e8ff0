using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// An agent submits an idea, a difficulty or an initiative; or a moderator records one that comes
/// from another source (an origin other than Agent, with an optional reference). Returns the new entry's id.
/// </summary>
public sealed record SubmitEntry(EntryInput Input, EntryOrigin Origin = EntryOrigin.Agent, string? OriginReference = null)
    : ICommand<int>, IValidate
{
    public const int ReferenceMaxLength = 200;

    public IEnumerable<FieldError> Validate()
    {
        foreach (var error in Input.Validate()) yield return error;
        if (!Enum.IsDefined(Origin)) yield return new(nameof(Origin), "Validation.UnknownOrigin");
        if (OriginReference is { Length: > ReferenceMaxLength })
            yield return new(nameof(OriginReference), "Validation.MaxLength", ReferenceMaxLength);
    }
}

public sealed class SubmitEntryHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock, Notifier notifier)
    : ICommandHandler<SubmitEntry, int>
{
    public async ValueTask<int> Handle(SubmitEntry command, CancellationToken ct)
    {
        // Only moderators record entries from other sources.
        if (command.Origin != EntryOrigin.Agent) user.MustModerate();
        var authorUnitId = await new GetMyUnitHandler(db, user).Handle(new GetMyUnit(), ct);
        var input = await command.Input.ResolveAsync(db, markdown, authorUnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new Entry
        {
            Title = input.Title,
            Body = input.Body,
            BodyHtml = input.BodyHtml,
            AuthorId = user.Id,
            Origin = command.Origin,
            OriginReference = command.Origin == EntryOrigin.Agent || string.IsNullOrWhiteSpace(command.OriginReference)
                ? null : command.OriginReference.Trim(),
            Status = EntryStatus.Submitted,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(entry);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        // The author follows their entry; the moderators hear that it waits for triage.
        db.Follows.Add(new Follow { EntryId = entry.Id, UserId = user.Id, CreatedAt = now });
        await notifier.AwaitingTriageAsync(entry.Id, entry.Title, user.Id, ct);
        if (command.Origin != EntryOrigin.Agent)
            db.Record(user.Id, now, AuditAction.Recorded, entry.Id, to: command.Origin.ToString(), reason: entry.OriginReference);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return entry.Id;
    }
}
