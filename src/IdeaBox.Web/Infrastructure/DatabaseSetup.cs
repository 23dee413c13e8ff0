using IdeaBox.Web.Data.Seeding;
using IdeaBox.Web.Infrastructure.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace IdeaBox.Web.Infrastructure;

/// <summary>Which database, and getting it ready at start-up: migrations, roles, demo data.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "IdeaBox.Migrations.Sqlite";
    public const string SqlServerMigrations = "IdeaBox.Migrations.SqlServer";

    public static IServiceCollection AddIdeaBoxDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("IdeaBox");
        services.AddSingleton<SearchRanks>();
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                var sqlite = SqliteConnectionString(connectionString ?? "Data Source=App_Data/ideabox.db", contentRoot);
                services.AddDbContextPool<IdeaBoxDb>((sp, o) => o.UseSqlite(sqlite, x => x.MigrationsAssembly(SqliteMigrations))
                    .AddInterceptors(sp.GetRequiredService<SearchRanks>()));
                services.AddSingleton<IEntrySearch, SqliteEntrySearch>();
                break;
            case "sqlserver":
                // The EF tools only need the model: they may run without a server or its address.
                if (string.IsNullOrWhiteSpace(connectionString) && !EF.IsDesignTime)
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:IdeaBox is empty.");
                // No retrying execution strategy: the handlers open their own transactions (a vote and
                // its score, a merge), which such a strategy refuses.
                services.AddDbContext<IdeaBoxDb>((sp, o) => o.UseSqlServer(connectionString, x => x.MigrationsAssembly(SqlServerMigrations))
                    .AddInterceptors(sp.GetRequiredService<SearchRanks>()));
                services.AddSingleton<IEntrySearch, SqlServerEntrySearch>();
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}': use Sqlite or SqlServer.");
        }
        return services;
    }

    /// <summary>A relative SQLite file lives under the app's content root, in a folder created on demand.</summary>
    private static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(builder.DataSource))
                builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    /// <summary>Applies pending migrations, creates the roles, and seeds demo data into an empty database when asked to.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a vote is written; the pragma persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<int>>>();
        foreach (var role in Roles.ByPrecedence)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole<int>(role));
        }

        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedIfEmptyAsync(ct);

        // The first data-protection key is made here: nodes started together after "migrate" share it instead of each making one.
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("IdeaBox.Keys").Protect([1]);
    }
}
