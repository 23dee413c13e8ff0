using IdeaBox.Web.Features.Accounts;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator deletes the account of someone who has left: as if they had done it themselves.</summary>
[Requires(Permissions.Administer)]
public sealed record DeleteUser(int UserId, bool Understood) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        if (!Understood) yield return new(nameof(Understood), "MyData.ConfirmRequired");
    }
}

public sealed class DeleteUserHandler(PersonalData data, ICurrentUser user) : ICommandHandler<DeleteUser>
{
    public async ValueTask<Unit> Handle(DeleteUser command, CancellationToken ct)
    {
        if (command.UserId == user.Id) throw new ConflictException("Admin.NotYourself");
        await data.DeleteAsync(command.UserId, user.Id, ct);
        return Unit.Value;
    }
}
