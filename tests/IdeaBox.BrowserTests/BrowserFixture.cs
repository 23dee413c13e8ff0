using IdeaBox.OidcProvider;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdeaBox.BrowserTests;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) over its own seeded SQLite file, and Debian's
/// Chromium driven by Playwright. Nothing is downloaded: the browser is the system's.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Password = "Browser-Test-2026";
    public const string Agent = "agent@ideabox.demo";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ideabox-browser-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? _app;

    /// <summary>The organisation's provider the app signs people in through, besides local accounts.</summary>
    public TestOidcProvider Provider { get; private set; } = null!;

    /// <summary>A person of the provider's directory, in the demo's support service.</summary>
    public static readonly DirectoryUser DirectoryAgent =
        new("nadia.sso", "directory-password", "sub-nadia", "nadia.sso@ideabox.demo", "Nadia Annuaire", "SG-TI-SUP", []);
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go; CI keeps them as artifacts.</summary>
    public static string ArtifactsDirectory =>
        Environment.GetEnvironmentVariable("IDEABOX_ARTIFACTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async ValueTask InitializeAsync()
    {
        Provider = await TestOidcProvider.StartAsync();
        Provider.Add(DirectoryAgent);
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            // Outside Development, only a published app finds wwwroot by itself; tests run from the build output.
            builder.UseStaticWebAssets();
            builder.UseSetting("ConnectionStrings:IdeaBox", $"Data Source={_databasePath}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseUrls("http://127.0.0.1:0");
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Seed:DemoPassword", Password);
            builder.UseSetting("Seed:Users", "40");
            builder.UseSetting("Seed:Entries", "60");
            // The full list of entries (more than 60) is exported by a background job, whose progress page the tests follow.
            builder.UseSetting("Jobs:DirectExportRows", "20");
            builder.UseSetting("Email:Mode", "None");
            // The demo's staff sign in with a password alone, as in Development; the second factor has its own tests.
            builder.UseSetting("Accounts:RequireTwoFactorForStaff", "false");
            // Real Kestrel over plain HTTP on loopback: cookies cannot be HTTPS-only here.
            builder.UseSetting("Security:RequireHttps", "false");
            // Every browser of the run signs in from one address (127.0.0.1), dozens of times a minute; an intranet's
            // people do not. The limits themselves are tested in RateLimitTests.
            builder.UseSetting("RateLimits:SignIn:PerAddress", "1000");
            builder.UseSetting("Authentication:Oidc:Authority", Provider.Issuer.ToString());
            builder.UseSetting("Authentication:Oidc:ClientId", TestOidcProvider.ClientId);
            builder.UseSetting("Authentication:Oidc:ClientSecret", TestOidcProvider.ClientSecret);
            builder.UseSetting("Authentication:Oidc:DisplayName", "l’annuaire du ministère");
            builder.UseSetting("Authentication:Oidc:RequireHttpsMetadata", "false");
            builder.UseSetting("Authentication:Oidc:UnitClaim", TestOidcProvider.UnitClaim);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        });
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        await Provider.RegisterClientAsync(new Uri(BaseUrl));

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        await DebianPackages.EnsureInstalled(chromium, "chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    public async Task<IPage> NewPage(int width = 1280, int height = 900, bool javaScript = true, bool dark = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US", // the app must stay French whatever the browser says
            JavaScriptEnabled = javaScript,
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        // The browser tests share two cores with the unit tests under CI: a sign-in's redirect may wait behind a
        // batch of theirs. A slow page still fails, after a minute instead of Playwright's 30 seconds.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Puts what no browser journey can produce here (an e-mail the server refused…) straight into the database.</summary>
    public async Task WithDb(Func<IdeaBox.Data.IdeaBoxDb, Task> action)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<IdeaBox.Data.IdeaBoxDb>());
    }

    public async Task SignIn(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // Signing in lands on the home page; most journeys start from the list.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync("/Entries");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_databasePath + suffix);
    }
}

/// <summary>The journeys and the accessibility scans: one app and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The crawlers, the longest tests: an app and a browser of their own, so they run beside the journeys.</summary>
[CollectionDefinition(Name)]
public sealed class CrawlerCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "crawler";
}
