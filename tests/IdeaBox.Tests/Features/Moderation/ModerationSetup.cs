using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Votes;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Moderation;

/// <summary>What the moderation, plan and notification tests share: entries in a chosen state, the people of each role.</summary>
public static class ModerationSetup
{
    public const string Leadership = "direction@ideabox.demo";
    public const string Administrator = "admin@ideabox.demo";

    public static async Task<int> NewEntryAsync(this SliceFixture app, EntryKind kind = EntryKind.Difficulty, string? title = null, FakeUser? author = null)
    {
        author ??= await app.UserAsync(TestApp.Agent);
        return await app.Send(new SubmitEntry(new EntryInput(kind, title ?? $"Contribution {Guid.NewGuid():N}"[..40], "Un texte.",
            [await app.AnyThemeIdAsync()], null, false)), author);
    }

    /// <summary>Puts an entry in a state directly, as if it had got there.</summary>
    public static Task SetStatusAsync(this SliceFixture app, int entryId, EntryStatus status, EntryStatus? before = null) =>
        app.WithDb(db => db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status)
            .SetProperty(e => e.StatusBeforeHidden, status == EntryStatus.Hidden ? before ?? EntryStatus.Submitted : null)));

    public static Task<Entry> EntryAsync(this SliceFixture app, int entryId) =>
        app.WithDb(db => db.Entries.AsNoTracking().Include(e => e.Themes).SingleAsync(e => e.Id == entryId));

    public static async Task VoteAsync(this SliceFixture app, int entryId, params FakeUser[] voters)
    {
        foreach (var voter in voters) await app.Send(new CastVote(entryId), voter);
    }

    public static Task<List<Notification>> NotificationsAsync(this SliceFixture app, int? entryId = null, NotificationKind? kind = null) =>
        app.WithDb(db => db.Notifications.AsNoTracking()
            .Where(n => (entryId == null || n.EntryId == entryId) && (kind == null || n.Kind == kind)).ToListAsync());

    public static Task<List<AuditEvent>> AuditAsync(this SliceFixture app, int entryId) =>
        app.WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.EntryId == entryId).OrderBy(a => a.Id).ToListAsync());
}
