using IdeaBox.Data;
using IdeaBox.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The real application on its own SQLite file, seeded with a small demo data set (fixed seed).
/// One per test class; tests create the entries they change, so they do not depend on each other.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026";
    public const string Agent = "agent@ideabox.demo";
    public const string Expert = "expert@ideabox.demo";
    public const string Moderator = "moderateur@ideabox.demo";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ideabox-test-{Guid.NewGuid():N}.db");

    /// <summary>Where the e-mails are written (.eml files); the tests send them by calling the senders.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"ideabox-mail-{Guid.NewGuid():N}");

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, only a published app finds wwwroot by itself; tests run from the build output.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:IdeaBox", $"Data Source={_databasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
        builder.UseSetting("Seed:Users", "40");
        builder.UseSetting("Seed:Entries", "60");
        builder.UseSetting("Email:Mode", "Pickup");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.UseSetting("Email:Background", "false");
        builder.UseSetting("Dashboard:CacheSeconds", "0");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Slice tests act as a chosen user; HTTP requests act as the signed-in one.
            services.AddScoped<ActingUser>();
            services.RemoveAll<ICurrentUser>();
            services.AddScoped<ICurrentUser>(sp =>
                sp.GetRequiredService<ActingUser>().User ?? ActivatorUtilities.CreateInstance<HttpCurrentUser>(sp));
        });
        ConfigureApp(builder);
    }

    /// <summary>For subclasses that need other settings.</summary>
    protected virtual void ConfigureApp(IWebHostBuilder builder)
    {
    }

    public async Task<T> WithDb<T>(Func<IdeaBoxDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IdeaBoxDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>Holds the user a slice test acts as.</summary>
public sealed class ActingUser
{
    public ICurrentUser? User { get; set; }
}

public sealed class FakeUser(int id, params string[] roles) : ICurrentUser
{
    public int Id { get; } = id;
    public bool IsInRole(string role) => roles.Contains(role);
}

/// <summary>A clock the tests can move; it follows real time until told otherwise.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
