using IdeaBox.Web.Infrastructure;
using IdeaBox.Web.Infrastructure.Identity;
using IdeaBox.Web.Infrastructure.RateLimiting;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The real application over a database of its own (<see cref="TestDatabase"/>: an SQLite file, or a
/// SQL Server database when IDEABOX_TEST_SQLSERVER is set), shared by every test of a collection. The
/// database is migrated once, without demo data; before each test it is put back as it was then, the
/// clock goes back to <see cref="TestClock.Start"/>, the caches and the mail folder are emptied: tests
/// never see each other's data.
/// </summary>
public class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every user <see cref="Given"/> creates.</summary>
    public const string Password = "Test-Password-2026";

    /// <summary>The database the host runs on.</summary>
    public TestDatabase Database { get; } = TestDatabase.FromEnvironment();

    public AppFixture() => Given = new Given(this);

    public TestClock Clock { get; } = new();

    /// <summary>Builders of test data: users, units, themes, entries, votes, the plan.</summary>
    public Given Given { get; }

    /// <summary>Runs another request inside a handler's window between its checks and its writes.</summary>
    public Race Race { get; } = new();

    /// <summary>Runs another node's work just before a given SQL command.</summary>
    public CommandHook Hook { get; } = new();

    /// <summary>What the app logged (warnings and errors, and IdeaBox's information lines), cleared before each test.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>Counts the SQL commands a request sends (<see cref="CommandCountTests"/>).</summary>
    public CommandCounter Commands { get; } = new();

    /// <summary>Where the e-mails are written (.eml files); the tests send them by calling the senders.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"ideabox-mail-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, only a published app finds wwwroot by itself; tests run from the build output.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:IdeaBox", Database.ConnectionString);
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Email:Mode", "Pickup");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Email:Background", "false");
        builder.UseSetting("Transversal:Background", "false");
        builder.UseSetting("Calls:Background", "false");
        builder.UseSetting("Jobs:Background", "false");
        builder.UseSetting("Dashboard:CacheSeconds", "0");
        // Staff sign in with a password alone here; the tests of the second factor switch the requirement on.
        builder.UseSetting("Accounts:RequireTwoFactorForStaff", "false");
        // The reverse proxy whose forwarded headers are believed (a documentation address, TEST-NET-1).
        builder.UseSetting("Security:KnownProxies:0", WebSecurityTests.Proxy);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddProvider(Logs).AddFilter<LogRecorder>("IdeaBox", LogLevel.Information));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddress>();
            services.AddSingleton<IStartupFilter, FailingEndpoint>();
            services.ConfigureDbContext<IdeaBoxDb>(o => o.AddInterceptors(Race, Hook, Commands));
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Test passwords need no brute-force resistance: hashing them stays cheap.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
        Configure(builder);
    }

    /// <summary>Where the clock stands at the start of each test.</summary>
    protected virtual DateTimeOffset ClockStart => TestClock.Start;

    /// <summary>What a fixture of its own adds to the host (the organisation's sign-in…).</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        // Starting the host migrates the database and creates the roles.
        _ = Server;
        // A data-protection key in the snapshot, so that cookies and tokens outlive the resets.
        Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("x");
        await Database.SnapshotAsync();
    }

    /// <summary>The state every test starts from: the empty migrated database, the clock at its start.</summary>
    public async Task ResetAsync()
    {
        await Database.RestoreAsync();
        Clock.Set(ClockStart);
        ((MemoryCache)Services.GetRequiredService<IMemoryCache>()).Clear();
        Services.GetRequiredService<ZiggyCreatures.Caching.Fusion.IFusionCache>().Clear();
        Services.GetRequiredService<IdeaBox.Web.Infrastructure.Search.SearchRanks>().Invalidate();
        Given.Reset();
        Race.Reset();
        Hook.Reset();
        Logs.Clear();
        // Tests may switch account options (local sign-in, the second factor…): back to the configuration.
        Restore<AccountOptions>("Accounts");
        Restore<OidcOptions>("Authentication:Oidc");
        Restore<RateLimitOptions>(RateLimitOptions.Section);
        Restore<IdeaBox.Web.Features.Dashboard.DashboardOptions>("Dashboard");
        Restore<IdeaBox.Web.Features.Reports.ReportOptions>(IdeaBox.Web.Features.Reports.ReportOptions.Section);
        Restore<IdeaBox.Web.Features.Jobs.JobOptions>(IdeaBox.Web.Features.Jobs.JobOptions.Section);
        Services.GetRequiredService<RequestLimits>().Reset();
        Services.GetRequiredService<SignInThrottle>().Reset();
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
    }

    /// <summary>The options a test may change, as the configuration sets them.</summary>
    public T Options<T>() where T : class => Services.GetRequiredService<IOptions<T>>().Value;

    private void Restore<T>(string section) where T : class, new()
    {
        var options = Options<T>();
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
            property.SetValue(options, property.GetValue(new T()));
        Services.GetRequiredService<IConfiguration>().GetSection(section).Bind(options);
    }

    /// <summary>Sends <paramref name="message"/> through the mediator (pipeline included) as <paramref name="user"/>.</summary>
    public Task<TResponse> Send<TResponse>(ICommand<TResponse> message, ICurrentUser user) =>
        InScope(user, m => m.Send(message).AsTask());

    public Task<TResponse> Send<TResponse>(IQuery<TResponse> message, ICurrentUser user) =>
        InScope(user, m => m.Send(message).AsTask());

    private async Task<T> InScope<T>(ICurrentUser user, Func<IMediator, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = user;
        return await action(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    public async Task<T> WithDb<T>(Func<IdeaBoxDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IdeaBoxDb>());
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="action"/> with a scoped service (the calls' schedule…) in a scope of its own.</summary>
    public async Task<TResult> Scoped<TService, TResult>(Func<TService, Task<TResult>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A browser-like client signed in as <paramref name="user"/> through the login form.</summary>
    public Task<AppClient> SignInAsync(TestUser user) => AppClient.SignedIn(this, user.Email);

    public AppClient Anonymous() => AppClient.Anonymous(this);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
    }
}
