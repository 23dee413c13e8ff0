namespace IdeaBox.Web.Features.Settings;

/// <summary>The current user's e-mail settings.</summary>
[AnySignedInUser]
public sealed record GetMySettings : IQuery<MySettings>;

public sealed record MySettings(string DisplayName, string Email, bool WeeklyDigest);

public sealed class GetMySettingsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetMySettings, MySettings>
{
    public async ValueTask<MySettings> Handle(GetMySettings query, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new MySettings(u.DisplayName, u.Email ?? "", !u.DigestOptOut)).SingleAsync(ct);
}
