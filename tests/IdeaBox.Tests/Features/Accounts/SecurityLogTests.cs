using IdeaBox.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class SecurityLogTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Sign_ins_failures_and_sign_outs_are_logged_with_the_address_but_never_the_password()
    {
        var agent = await Given.AnAgent();
        await App.Anonymous().SignIn(agent.Email, "mon-secret-tape-de-travers");
        await App.Anonymous().SignIn("inconnu@ministere.example", "un autre secret");
        var client = await SignInAsync(agent);
        await client.PostForm("/Entries", "form[action*=Logout]", new());

        var events = await WithDb(db => db.SecurityEvents.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([(SecurityEventKind.SignInFailed, agent.Id), (SecurityEventKind.SignInFailed, null), (SecurityEventKind.SignInSucceeded, agent.Id), (SecurityEventKind.SignedOut, agent.Id)],
            events.Select(e => (e.Kind, e.UserId)));
        Assert.Equal("inconnu@ministere.example", events[1].Email);
        Assert.All(events, e => Assert.Equal(ClientAddress.Value.ToString(), e.IpAddress));
        Assert.DoesNotContain(events, e => (e.Detail ?? "").Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrators_read_filter_and_download_the_log_and_downloads_are_logged_too()
    {
        var admin = await Given.AnAdministrator();
        var agent = await Given.AnAgent();
        await App.Anonymous().SignIn(agent.Email, "faux mot de passe");
        var browser = await SignInAsync(admin);

        var page = await browser.Get($"/Admin/Security?user={agent.Id}");
        var rows = page.Document.QuerySelectorAll("table.data tbody tr");
        Assert.Equal("Connexion refusée", Assert.Single(rows).QuerySelectorAll("td")[1].TextContent);
        Assert.EndsWith("UTC", rows[0].QuerySelector("td")!.TextContent);

        var csv = await browser.Http.GetAsync("/Admin/Security?handler=Export&format=Csv&kind=SignInFailed");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var table = await Downloads.Csv(csv);
        Assert.Equal("Connexion refusée", Assert.Single(table.Skip(1))[1]);
        var export = await WithDb(db => db.SecurityEvents.OrderBy(e => e.Id).LastAsync());
        Assert.Equal((SecurityEventKind.ExportDownloaded, admin.Id), (export.Kind, export.UserId));
        Assert.StartsWith("ideabox-security-", export.Detail);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignInAsync(agent)).Http.GetAsync("/Admin/Security")).StatusCode);
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_purged()
    {
        var agent = await Given.AnAgent();
        await WithDb(async db =>
        {
            db.SecurityEvents.AddRange(
                new SecurityEvent { At = Clock.UtcNow.AddMonths(-13).AddDays(-1), Kind = SecurityEventKind.SignInSucceeded, UserId = agent.Id },
                new SecurityEvent { At = Clock.UtcNow.AddMonths(-12), Kind = SecurityEventKind.SignInSucceeded, UserId = agent.Id });
            return await db.SaveChangesAsync();
        });
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SecurityLog>().PurgeAsync(CancellationToken.None));
        Assert.Equal(Clock.UtcNow.AddMonths(-12), await WithDb(db => db.SecurityEvents.Select(e => e.At).SingleAsync()));
    }
}
