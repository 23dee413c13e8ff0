namespace IdeaBox.Web.Features.Accounts;

/// <summary>The signed-in person deletes their account, having ticked that they understand it cannot be undone.</summary>
[AnySignedInUser]
public sealed record DeleteMyAccount(bool Understood) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (!Understood) yield return new(nameof(Understood), "MyData.ConfirmRequired");
    }
}

public sealed class DeleteMyAccountHandler(PersonalData data, ICurrentUser user) : ICommandHandler<DeleteMyAccount>
{
    public async ValueTask<Unit> Handle(DeleteMyAccount command, CancellationToken ct)
    {
        await data.DeleteAsync(user.Id, user.Id, ct);
        return Unit.Value;
    }
}
