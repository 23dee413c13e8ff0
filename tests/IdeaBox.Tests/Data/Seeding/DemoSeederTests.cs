using IdeaBox.Web.Data.Seeding;
using IdeaBox.Web.Features.Plan;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdeaBox.Tests.Data.Seeding;

/// <summary>The demo the README's first command starts: its own host, seeded as in Development (smaller).</summary>
public sealed class DemoApp : WebApplicationFactory<Program>
{
    public const string Password = "Demo-Test-2026";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"ideabox-demo-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:IdeaBox", $"Data Source={_databasePath}");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoPassword", Password);
        builder.UseSetting("Seed:Users", "40");
        builder.UseSetting("Seed:Entries", "60");
        builder.UseSetting("Email:Mode", "None");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
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
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_databasePath + suffix);
    }
}

public sealed class DemoSeederTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Each_demo_account_signs_in_with_its_role()
    {
        foreach (var account in DemoSeeder.Accounts)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = AppClient.BaseAddress });
            var (_, login) = await new AppClient(client).Get("/Account/Login");
            var token = AppClient.Token(login, "main form");
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Email"] = account.Email, ["Input.Password"] = DemoApp.Password,
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var roles = await app.WithDb(db => db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == account.Email))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
            Assert.Contains(account.Role, roles);
        }
    }

    [Fact]
    public async Task The_stored_counts_match_the_votes_and_comments_and_every_entry_has_a_theme()
    {
        var entries = await app.WithDb(db => db.Entries.Select(e => new
        {
            e.VoteCount, e.CommentCount, Votes = db.Votes.Count(v => v.EntryId == e.Id), Comments = db.Comments.Count(c => c.EntryId == e.Id),
            Themes = e.Themes.Count,
        }).ToListAsync());
        Assert.Equal(60, entries.Count);
        Assert.All(entries, e => Assert.Equal((e.Votes, e.Comments), (e.VoteCount, e.CommentCount)));
        Assert.All(entries, e => Assert.InRange(e.Themes, 1, EntryRules.MaxThemes));
        Assert.Equal(40, await app.WithDb(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_demo_plan_is_plausible_and_its_entries_sit_where_their_status_says()
    {
        var plan = await app.WithDb(db => PlanLoader.LoadAsync(db, CancellationToken.None));
        var nodes = plan.All().ToList();
        Assert.Equal((3, 8, 20, 40), (nodes.Count(n => n.Level == PlanLevel.Axis), nodes.Count(n => n.Level == PlanLevel.StrategicObjective),
            nodes.Count(n => n.Level == PlanLevel.OperationalObjective), nodes.Count(n => n.Level == PlanLevel.Project)));
        var projects = nodes.Where(n => n.Level == PlanLevel.Project).ToList();
        Assert.Equal(4, projects.Select(p => p.ProjectStatus).Distinct().Count());
        Assert.Contains(projects, p => p.Entries.Count > 0);
        // Entries that are done sit on done projects only; entries in the plan are carried by a project.
        Assert.All(projects.Where(p => p.Entries.Any(e => e.Status == EntryStatus.Done)), p => Assert.Equal(ProjectStatus.Done, p.ProjectStatus));
        var inPlan = await app.WithDb(db => db.Entries.Where(e => e.Status == EntryStatus.InPlan || e.Status == EntryStatus.Done).Select(e => e.Id).ToListAsync());
        Assert.All(inPlan, id => Assert.Contains(projects, p => p.Entries.Any(e => e.Id == id)));
    }

    [Fact]
    public async Task The_demo_shows_clusters_of_entries_from_several_units_and_an_open_and_a_closed_call_with_entries()
    {
        var clusters = await app.WithDb(db => db.Entries.Where(e => e.ClusterId != null).GroupBy(e => e.ClusterId)
            .Select(g => new { Entries = g.Count(), Units = g.Select(e => e.UnitId).Distinct().Count() }).ToListAsync());
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.True(c.Entries >= 2 && c.Units == c.Entries));
        var today = IdeaBox.Web.Infrastructure.Display.LocalDay(DateTime.UtcNow);
        var calls = await app.WithDb(db => db.Calls.Select(c => new { c.OpensOn, c.ClosesOn, Entries = db.Entries.Count(e => e.CallId == c.Id) }).ToListAsync());
        Assert.Contains(calls, c => c.OpensOn <= today && today <= c.ClosesOn && c.Entries > 0);
        Assert.Contains(calls, c => c.ClosesOn < today && c.Entries > 0);
    }

    [Fact]
    public async Task Reviewed_entries_have_their_history_in_the_audit_trail()
    {
        var reviewed = await app.WithDb(db => db.Entries.Where(e => e.Status != EntryStatus.Submitted)
            .Select(e => new { e.ReviewedAt, Transitions = db.AuditEvents.Count(a => a.EntryId == e.Id && a.ToStatus == EntryStatus.UnderReview) }).ToListAsync());
        Assert.NotEmpty(reviewed);
        Assert.All(reviewed, e => Assert.Equal((true, 1), (e.ReviewedAt is not null, e.Transitions)));
    }
}
