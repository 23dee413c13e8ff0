namespace IdeaBox.Web.Features.Settings;

/// <summary>The current user's settings: e-mails (the weekly digest, how each kind of notification reaches them) and how they sign in.</summary>
[AnySignedInUser]
public sealed record GetMySettings : IQuery<MySettings>;

public sealed record MySettings(string DisplayName, string Email, bool WeeklyDigest, bool HasPassword, bool TwoFactor,
    IReadOnlyList<DeliveryChoice> Notifications);

/// <summary>How one kind of notification reaches the user (their choice, or the default).</summary>
public sealed record DeliveryChoice(NotificationKind Kind, NotificationDelivery Delivery);

public sealed class GetMySettingsHandler(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetMySettings, MySettings>
{
    public async ValueTask<MySettings> Handle(GetMySettings query, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.DisplayName, u.Email, u.DigestOptOut, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled }).SingleAsync(ct);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == user.Id).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        var choices = NotificationPreference.KindsFor(user.Has)
            .Select(kind => new DeliveryChoice(kind, chosen.TryGetValue(kind, out var delivery) ? delivery : NotificationPreference.Default(kind)))
            .ToList();
        return new MySettings(me.DisplayName, me.Email ?? "", !me.DigestOptOut, me.HasPassword, me.TwoFactorEnabled, choices);
    }
}
