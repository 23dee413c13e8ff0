using IdeaBox.Web.Infrastructure;
using Mediator;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// What a test of the application starts from: the collection's shared host, reset to an empty
/// database and the start of the test clock. Arrange with <see cref="Given"/>, act by sending a
/// message (<see cref="Send{TResponse}(ICommand{TResponse}, ICurrentUser)"/>) or driving a page
/// (<see cref="SignInAsync"/>), assert on what the database holds or what the page shows.
/// </summary>
public abstract class AppTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    protected Given Given => App.Given;

    protected TestClock Clock => App.Clock;

    public async ValueTask InitializeAsync() => await App.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Task<TResponse> Send<TResponse>(ICommand<TResponse> message, ICurrentUser user) => App.Send(message, user);

    protected Task<TResponse> Send<TResponse>(IQuery<TResponse> message, ICurrentUser user) => App.Send(message, user);

    protected Task<T> WithDb<T>(Func<IdeaBoxDb, Task<T>> action) => App.WithDb(action);

    protected Task<AppClient> SignInAsync(TestUser user) => App.SignInAsync(user);

    /// <summary>An entry as the database holds it now.</summary>
    protected Task<Entry> EntryAsync(int id) =>
        WithDb(db => db.Entries.AsNoTracking().Include(e => e.Themes).SingleAsync(e => e.Id == id));

    protected Task<List<AuditEvent>> AuditAsync(int entryId) =>
        WithDb(db => db.AuditEvents.AsNoTracking().Where(a => a.EntryId == entryId).OrderBy(a => a.Id).ToListAsync());

    protected Task<List<Notification>> NotificationsAsync(int? entryId = null, NotificationKind? kind = null) =>
        WithDb(db => db.Notifications.AsNoTracking()
            .Where(n => (entryId == null || n.EntryId == entryId) && (kind == null || n.Kind == kind)).OrderBy(n => n.Id).ToListAsync());
}

/// <summary>Tests that send messages: one host, run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class Slices : ICollectionFixture<AppFixture>
{
    public const string Name = "Slices";
}

/// <summary>Tests that drive pages over HTTP: another host, running beside the slices.</summary>
[CollectionDefinition(Name)]
public sealed class Pages : ICollectionFixture<AppFixture>
{
    public const string Name = "Pages";
}
