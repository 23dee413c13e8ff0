using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>An agent submits an idea, a difficulty or an initiative. Returns the new entry's id.</summary>
public sealed record SubmitEntry(EntryInput Input) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => Input.Validate();
}

public sealed class SubmitEntryHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock)
    : ICommandHandler<SubmitEntry, int>
{
    public async ValueTask<int> Handle(SubmitEntry command, CancellationToken ct)
    {
        var authorUnitId = await new GetMyUnitHandler(db, user).Handle(new GetMyUnit(), ct);
        var input = await command.Input.ResolveAsync(db, markdown, authorUnitId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new Entry
        {
            Title = input.Title,
            Body = input.Body,
            BodyHtml = input.BodyHtml,
            AuthorId = user.Id,
            Origin = EntryOrigin.Agent,
            Status = EntryStatus.Submitted,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.ApplyTo(entry);
        db.Entries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }
}
