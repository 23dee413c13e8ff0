namespace IdeaBox.Web.Features.Entries;

/// <summary>An agent submits an idea, a difficulty or an initiative. Returns the new entry's id.</summary>
[AnySignedInUser]
public sealed record SubmitEntry(EntryInput Input) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => Input.Validate();
}

public sealed class SubmitEntryHandler(NewEntries entries, ICurrentUser user) : ICommandHandler<SubmitEntry, int>
{
    public async ValueTask<int> Handle(SubmitEntry command, CancellationToken ct) =>
        (await entries.SaveAsync(command.Input, user.Id, EntryOrigin.Agent, null, ct)).Id;
}
