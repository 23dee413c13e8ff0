using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Features.Notifications;

/// <summary>The current user's e-mail settings.</summary>
public sealed record GetMySettings : IQuery<MySettings>;

public sealed record MySettings(string DisplayName, string Email, bool WeeklyDigest);

/// <summary>The current user says yes or no to the weekly digest.</summary>
public sealed record SaveMySettings(bool WeeklyDigest) : ICommand;

public sealed class SettingsHandlers(IdeaBoxDb db, ICurrentUser user) : IQueryHandler<GetMySettings, MySettings>, ICommandHandler<SaveMySettings>
{
    public async ValueTask<MySettings> Handle(GetMySettings query, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new MySettings(u.DisplayName, u.Email ?? "", !u.DigestOptOut)).SingleAsync(ct);

    public async ValueTask<Unit> Handle(SaveMySettings command, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestOptOut, !command.WeeklyDigest), ct);
        return Unit.Value;
    }
}
