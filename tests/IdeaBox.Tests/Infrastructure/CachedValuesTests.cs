using System.Text.Json;
using IdeaBox.Web.Data.Seeding;
using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Calls;
using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Home;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// With Redis, a cached value is written by one node and read back by another: every value the application caches
/// must come back from its JSON whole. Each is computed here from the demo data (so that no list is empty) and
/// compared, written again, with what went in.
/// </summary>
[Collection(Slices.Name)]
public sealed class CachedValuesTests(AppFixture app) : AppTest(app)
{
    private readonly FusionCacheSystemTextJsonSerializer _serializer = new(Caching.Json);

    [Fact]
    public async Task Every_cached_value_survives_the_trip_through_redis()
    {
        var seed = App.Options<SeedOptions>();
        (seed.Demo, seed.DemoPassword, seed.Users, seed.Entries) = (true, "Demo-IdeaBox-2026", 60, 120);
        try
        {
            await using var scope = App.Service<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        }
        finally
        {
            (seed.Demo, seed.DemoPassword, seed.Users, seed.Entries) = (false, null, 300, 400);
        }
        var leader = await UserAsync("direction@ideabox.demo", Roles.Leadership);
        var agent = await UserAsync("agent@ideabox.demo", Roles.Agent);

        var dashboard = await Send(new GetDashboard(DashboardPeriod.Months12, null), leader);
        Assert.NotEmpty(dashboard.Plan);
        Assert.NotEmpty(dashboard.Trending.Items);
        AssertRoundTrip(dashboard);
        var home = await Send(new GetHome(), agent);
        Assert.NotEmpty(home.News.Axes);
        AssertRoundTrip(home.News);
        var options = await Send(new GetEntryFormOptions(), agent);
        Assert.NotEmpty(options.Units);
        AssertRoundTrip(options);
        AssertRoundTrip<IReadOnlyList<OpenCallBrief>>([new OpenCallBrief(1, "Comment mieux accueillir ?", new DateOnly(2026, 12, 24), 3, ["/1/2/"], [4, 5])]);
        var branding = new BrandingView("SPF Démo", "#6b2c91", "Aide | https://aide.example\\nContact | https://contact.example", true, "42");
        var back = AssertRoundTrip(branding);
        Assert.Equal(branding.FooterLinks, back.FooterLinks);
        AssertRoundTrip(12_345);
        AssertRoundTrip("0f8e");
    }

    /// <summary>Everything a value holds, properties and fields, whatever the cache's own settings.</summary>
    private static readonly JsonSerializerOptions Whole = new() { IncludeFields = true };

    private T AssertRoundTrip<T>(T value)
    {
        var back = _serializer.Deserialize<T>(_serializer.Serialize(value));
        Assert.NotNull(back);
        Assert.Equal(JsonSerializer.Serialize(value, Whole), JsonSerializer.Serialize(back, Whole));
        return back;
    }

    private Task<TestUser> UserAsync(string email, string role) =>
        WithDb(async db => await db.Users.Where(u => u.Email == email).Select(u => new TestUser(u.Id, u.Email!, u.DisplayName, new[] { role })).SingleAsync());
}
