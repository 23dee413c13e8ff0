namespace IdeaBox.Web.Features.Entries;

/// <summary>
/// A moderator records an entry that comes from another source (a SWOT analysis, an audit, a CAF
/// self-assessment…), with an optional reference. Returns the new entry's id.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record RecordEntry(EntryInput Input, EntryOrigin Origin, string? OriginReference) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        foreach (var error in Input.Validate()) yield return error;
        if (Origin == EntryOrigin.Agent || !Enum.IsDefined(Origin)) yield return new(nameof(Origin), "Validation.UnknownOrigin");
        foreach (var error in FieldRules.Optional(nameof(OriginReference), OriginReference, Entry.OriginReferenceMaxLength)) yield return error;
    }
}

public sealed class RecordEntryHandler(NewEntries entries, ICurrentUser user) : ICommandHandler<RecordEntry, int>
{
    public async ValueTask<int> Handle(RecordEntry command, CancellationToken ct) =>
        (await entries.SaveAsync(command.Input, user.Id, command.Origin, command.OriginReference, ct)).Id;
}
