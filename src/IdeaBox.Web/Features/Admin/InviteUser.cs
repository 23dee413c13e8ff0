using IdeaBox.Web.Features.Accounts;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator creates an account and the person receives a link to choose a password.</summary>
[Requires(Permissions.Administer)]
public sealed record InviteUser(string? Email, string? Name, int? UnitId, IReadOnlyList<string> Roles) : ICommand<Invited>, IValidate
{
    public IEnumerable<FieldError> Validate() => AccountRules.Validate(Email, Name, UnitId, Roles);
}

/// <summary>The new account, and whether the invitation went out (false when e-mail is off).</summary>
public sealed record Invited(int UserId, bool Emailed);

public sealed class InviteUserHandler(IdeaBoxDb db, Invitations invitations, ICurrentUser user) : ICommandHandler<InviteUser, Invited>
{
    public async ValueTask<Invited> Handle(InviteUser command, CancellationToken ct)
    {
        AppUser created;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            created = await invitations.CreateAsync(new NewAccount(command.Email!, command.Name!, command.UnitId!.Value, command.Roles), user.Id, ct);
            await transaction.CommitAsync(ct);
        }
        return new Invited(created.Id, await invitations.SendAsync(created, user.Id, ct));
    }
}
