namespace IdeaBox.Web.Features.Entries;

/// <summary>The author changes their entry while it is still Submitted.</summary>
[AnySignedInUser]
public sealed record EditEntry(int EntryId, EntryInput Input) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => Input.Validate();
}

public sealed class EditEntryHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock)
    : ICommandHandler<EditEntry>
{
    public async ValueTask<Unit> Handle(EditEntry command, CancellationToken ct)
    {
        var entry = await db.Entries.VisibleTo(user).Include(e => e.Themes).SingleOrDefaultAsync(e => e.Id == command.EntryId, ct)
            ?? throw new NotFoundException($"Entry {command.EntryId}");
        if (!EntryRules.CanEdit(entry.AuthorId, entry.Status, user.Id))
            throw new ForbiddenException($"User {user.Id} may not edit entry {command.EntryId}.");

        var input = await command.Input.ResolveAsync(db, markdown, entry.UnitId, ct);
        input.ApplyTo(entry);
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
