namespace IdeaBox.Web.Features.Settings;

/// <summary>The current user says yes or no to the weekly digest.</summary>
[AnySignedInUser]
public sealed record SaveMySettings(bool WeeklyDigest) : ICommand;

public sealed class SaveMySettingsHandler(IdeaBoxDb db, ICurrentUser user) : ICommandHandler<SaveMySettings>
{
    public async ValueTask<Unit> Handle(SaveMySettings command, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptOut, !command.WeeklyDigest), ct);
        return Unit.Value;
    }
}
