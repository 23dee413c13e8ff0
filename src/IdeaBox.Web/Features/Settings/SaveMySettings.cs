namespace IdeaBox.Web.Features.Settings;

/// <summary>
/// The current user says yes or no to the weekly digest and chooses, per kind of notification,
/// an e-mail at once, a daily summary, or the application only. A choice equal to the default is not stored.
/// </summary>
[AnySignedInUser]
public sealed record SaveMySettings(bool WeeklyDigest, IReadOnlyDictionary<NotificationKind, NotificationDelivery>? Deliveries = null)
    : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate()
    {
        foreach (var (kind, delivery) in Deliveries ?? new Dictionary<NotificationKind, NotificationDelivery>())
        {
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(delivery)) yield return new($"Deliveries[{kind}]", "Validation.Invalid");
        }
    }
}

public sealed class SaveMySettingsHandler(IdeaBoxDb db, ICurrentUser user) : ICommandHandler<SaveMySettings>
{
    public async ValueTask<Unit> Handle(SaveMySettings command, CancellationToken ct)
    {
        var me = await db.Users.SingleAsync(u => u.Id == user.Id, ct);
        me.DigestOptOut = !command.WeeklyDigest;
        var stored = await db.NotificationPreferences.Where(p => p.UserId == user.Id).ToListAsync(ct);
        foreach (var kind in NotificationPreference.KindsFor(user.Has))
        {
            if (command.Deliveries is null || !command.Deliveries.TryGetValue(kind, out var delivery)) continue;
            var existing = stored.SingleOrDefault(p => p.Kind == kind);
            if (delivery == NotificationPreference.Default(kind))
            {
                if (existing is not null) db.NotificationPreferences.Remove(existing);
            }
            else if (existing is null)
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = user.Id, Kind = kind, Delivery = delivery });
            }
            else
            {
                existing.Delivery = delivery;
            }
        }
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
