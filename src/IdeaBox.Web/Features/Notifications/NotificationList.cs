using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Features.Notifications;

/// <summary>The current user's notifications, newest first.</summary>
public sealed record ListNotifications(int Page = 1) : IQuery<NotificationPage>
{
    public const int PageSize = 30;
}

public sealed record NotificationView(long Id, NotificationKind Kind, int? EntryId, string Subject, string? Detail, string? Reason,
    DateTime CreatedAt, bool IsRead);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>How many notifications the current user has not read (the bell).</summary>
public sealed record CountUnreadNotifications : IQuery<int>;

/// <summary>Marks one of the current user's notifications as read; someone else's answers 404.</summary>
public sealed record MarkNotificationRead(long Id) : ICommand<int?>;

/// <summary>Marks all the current user's notifications as read.</summary>
public sealed record MarkAllNotificationsRead : ICommand;

public sealed class NotificationHandlers(IdeaBoxDb db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListNotifications, NotificationPage>, IQueryHandler<CountUnreadNotifications, int>,
      ICommandHandler<MarkNotificationRead, int?>, ICommandHandler<MarkAllNotificationsRead>
{
    public async ValueTask<NotificationPage> Handle(ListNotifications query, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + ListNotifications.PageSize - 1) / ListNotifications.PageSize));
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * ListNotifications.PageSize).Take(ListNotifications.PageSize)
            .Select(n => new NotificationView(n.Id, n.Kind, n.EntryId, n.Subject, n.Detail, n.Reason, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new NotificationPage(items, unread, total, page, ListNotifications.PageSize);
    }

    public async ValueTask<int> Handle(CountUnreadNotifications query, CancellationToken ct) =>
        await db.Notifications.CountAsync(n => n.UserId == user.Id && n.ReadAt == null, ct);

    /// <summary>Returns the entry the notification is about, so the page can go there.</summary>
    public async ValueTask<int?> Handle(MarkNotificationRead command, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == command.Id && n.UserId == user.Id, ct)
            ?? throw new NotFoundException($"Notification {command.Id}");
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return notification.EntryId;
    }

    public async ValueTask<Unit> Handle(MarkAllNotificationsRead command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return Unit.Value;
    }
}

/// <summary>The sentence that tells a notification, in the reader's language; the page and the e-mails share it.</summary>
public static class NotificationText
{
    public static string Compose(IStringLocalizer l, NotificationKind kind, string subject, string? detail) => kind switch
    {
        NotificationKind.StatusChanged => l["Notification.StatusChanged", subject,
            Enum.TryParse<EntryStatus>(detail, out var status) ? l["Status." + status] : detail ?? ""],
        NotificationKind.CommentOnYourEntry => l["Notification.CommentOnYourEntry", Name(l, detail), subject],
        NotificationKind.ReplyToYourComment => l["Notification.ReplyToYourComment", Name(l, detail), subject],
        NotificationKind.ExpertRequested => l["Notification.ExpertRequested", subject],
        NotificationKind.ExpertAnswered => l["Notification.ExpertAnswered", Name(l, detail), subject],
        NotificationKind.ProjectProgress => l["Notification.ProjectProgress", subject],
        NotificationKind.AwaitingTriage => l["Notification.AwaitingTriage", subject],
        _ => subject,
    };

    private static string Name(IStringLocalizer l, string? name) => string.IsNullOrEmpty(name) ? l["Entry.AnonymousAgent"] : name;
}
