using IdeaBox.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Hosting;

namespace IdeaBox.Tests.MultiNode;

/// <summary>The app configured for Redis while Redis does not answer (a port nobody listens on): it keeps serving.</summary>
public sealed class RedisDownFixture : AppFixture
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("Redis:Configuration", $"127.0.0.1:{RedisServer.FreePort()},connectTimeout=200");
}

[CollectionDefinition(Name)]
public sealed class RedisDown : ICollectionFixture<RedisDownFixture>
{
    public const string Name = "RedisDown";
}

[Collection(RedisDown.Name)]
public sealed class RedisDownTests(RedisDownFixture app) : AppTest(app)
{
    [Fact]
    public async Task Without_redis_the_node_is_degraded_but_serves_pages_and_still_counts_budgets_itself()
    {
        var (ready, page) = await AppClient.Anonymous(App).Get("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", page.Body!.TextContent.Trim());

        var agent = await Given.AnAgent();
        var client = await SignInAsync(agent);
        var (home, _) = await client.Get("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var (list, _) = await client.Get("/Entries?q=badge");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        // The vote budget, counted by this node alone while Redis is away.
        App.Options<RateLimitOptions>().Vote.PerUser = 1;
        App.Service<RequestLimits>().Reset();
        var entry = await Given.AnEntry();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostForm($"/Entries/{entry}", "form[action*=handler\\=Vote]", [])).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostForm($"/Entries/{entry}", "form[action*=Unvote]", [])).StatusCode);
        Assert.Contains(App.Logs.Lines, e => e.Message.Contains("Redis does not answer", StringComparison.Ordinal));
    }
}
