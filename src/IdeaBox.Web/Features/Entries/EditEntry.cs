using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Web.Features.Entries;

/// <summary>The author's own entry as the edit form shows it; refused once moderation has started.</summary>
public sealed record GetEntryForEdit(int EntryId) : IQuery<EntryInput>;

public sealed class GetEntryForEditHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetEntryForEdit, EntryInput>
{
    public async ValueTask<EntryInput> Handle(GetEntryForEdit query, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking()
            .Where(e => e.Id == query.EntryId)
            .Select(e => new
            {
                e.AuthorId, e.Status, e.Kind, e.Title, e.Body, e.UnitId, e.HideAuthorName,
                ThemeIds = e.Themes.Select(t => t.Id).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (entry is null || !user.CanSee(entry.Status, entry.AuthorId))
            throw new NotFoundException($"Entry {query.EntryId}");
        if (!EntryRules.CanEdit(entry.AuthorId, entry.Status, user.Id))
            throw new ForbiddenException($"User {user.Id} may not edit entry {query.EntryId}.");
        return new EntryInput(entry.Kind, entry.Title, entry.Body, entry.ThemeIds, entry.UnitId, entry.HideAuthorName);
    }
}

/// <summary>The author changes their entry while it is still Submitted.</summary>
public sealed record EditEntry(int EntryId, EntryInput Input) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => Input.Validate();
}

public sealed class EditEntryHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock)
    : ICommandHandler<EditEntry>
{
    public async ValueTask<Unit> Handle(EditEntry command, CancellationToken ct)
    {
        var entry = await db.Entries.Include(e => e.Themes).SingleOrDefaultAsync(e => e.Id == command.EntryId, ct);
        if (entry is null || !user.CanSee(entry.Status, entry.AuthorId))
            throw new NotFoundException($"Entry {command.EntryId}");
        if (!EntryRules.CanEdit(entry.AuthorId, entry.Status, user.Id))
            throw new ForbiddenException($"User {user.Id} may not edit entry {command.EntryId}.");

        var input = await command.Input.ResolveAsync(db, markdown, entry.UnitId, ct);
        input.ApplyTo(entry);
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
