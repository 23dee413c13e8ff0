using IdeaBox.Web.Features.Admin;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class AccountAccessTests(AppFixture app) : AppTest(app)
{
    private static async Task AssertSignedOut(AppClient client)
    {
        var response = await client.Http.GetAsync("/Entries");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_at_the_next_request_and_cannot_sign_in_until_enabled()
    {
        var admin = await Given.AnAdministrator();
        var agent = await Given.AnAgent();
        var cookie = await AppClient.SignInCookie(App, agent.Email);
        var session = AppClient.WithCookie(App, cookie);
        // A copy of the cookie, as someone might have kept it.
        var copy = AppClient.WithCookie(App, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.Get("/Entries")).Response.StatusCode);

        await Send(new DisableUser(agent.Id), admin);
        await AssertSignedOut(session);
        await AssertSignedOut(copy);
        var refused = await App.Anonymous().SignIn(agent.Email, AppFixture.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("Adresse e-mail ou mot de passe incorrect.", AppClient.FieldError(await AppClient.Html(refused), "password-error"));
        Assert.Equal(UserState.Disabled, Assert.Single((await Send(new ListUsers(agent.Email), admin)).Items).State);

        await Send(new EnableUser(agent.Id), admin);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().SignIn(agent.Email, AppFixture.Password)).StatusCode);
        Assert.Equal([SecurityEventKind.AccountDisabled, SecurityEventKind.AccountEnabled],
            await WithDb(db => db.SecurityEvents.Where(e => e.ActorId == admin.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task Administrators_cannot_disable_themselves_and_others_cannot_disable_anyone()
    {
        var admin = await Given.AnAdministrator();
        Assert.Equal("Admin.NotYourself", (await Assert.ThrowsAsync<ConflictException>(async () => await Send(new DisableUser(admin.Id), admin))).MessageKey);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new DisableUser(admin.Id), await Given.AModerator()));
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new DisableUser(999_999), admin));
        var page = await (await SignInAsync(admin)).PostForm($"/Admin/Users/Account/{admin.Id}", "form[action*=Disable]", new());
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal("Vous ne pouvez pas faire cela à votre propre compte.", (await AppClient.Html(page)).QuerySelector("#access ~ .field-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account_and_moves_someone_to_another_unit()
    {
        var admin = await Given.AnAdministrator();
        var agent = await Given.AnAgent();
        // Failures from many addresses lock the account (RateLimitTests).
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var guesser = App.Anonymous();
            guesser.Http.DefaultRequestHeaders.Add(ClientAddress.PeerHeader, $"203.0.113.{attempt}");
            await guesser.SignIn(agent.Email, "pas le bon mot de passe");
        }
        var client = App.Anonymous();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SignIn(agent.Email, AppFixture.Password)).StatusCode);
        Assert.NotNull((await Send(new GetUserAccount(agent.Id), admin)).LockedOutUntil);

        var browser = await SignInAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostForm($"/Admin/Users/Account/{agent.Id}", "form[action*=Unlock]", new())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn(agent.Email, AppFixture.Password)).StatusCode);

        var elsewhere = await Given.AUnit("Service des marchés publics");
        var moved = await browser.PostForm($"/Admin/Users/Account/{agent.Id}", "form[action*=Unit]", new() { ["unitId"] = elsewhere.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal("Service des marchés publics", (await Send(new GetUserAccount(agent.Id), admin)).UnitName);
        var unknown = await browser.PostForm($"/Admin/Users/Account/{agent.Id}", "form[action*=Unit]", new() { ["unitId"] = "999999" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal([SecurityEventKind.LockedOut, SecurityEventKind.AccountUnlocked, SecurityEventKind.SignInSucceeded, SecurityEventKind.UnitChanged],
            (await WithDb(db => db.SecurityEvents.Where(e => e.UserId == agent.Id && e.Kind != SecurityEventKind.SignInFailed).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync())).Distinct());
    }
}
