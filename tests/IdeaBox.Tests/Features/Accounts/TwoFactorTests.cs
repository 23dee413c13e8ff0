using IdeaBox.Web.Infrastructure.Identity;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class TwoFactorTests(AppFixture app) : AppTest(app)
{
    private const string Form = "form:not(.language):not([action*=Logout])";

    /// <summary>The key the page shows, and a code the app would show for it now.</summary>
    private static async Task<string> KeyOn(AppClient client) =>
        (await client.Get("/Account/TwoFactor")).Document.GetElementById("shared-key")!.TextContent;

    private string CodeFor(string key) => Totp.Code(key, DateTimeOffset.UtcNow);

    private static async Task<List<string>> EnableAsync(AppClient client, string code)
    {
        var enabled = await client.PostForm("/Account/TwoFactor", "form[action*=Enable]", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        return (await AppClient.Html(enabled)).QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent).ToList();
    }

    [Fact]
    public async Task Staff_with_a_password_must_set_up_an_authenticator_then_sign_in_with_its_code()
    {
        App.Options<AccountOptions>().RequireTwoFactorForStaff = true;
        var moderator = await Given.AModerator();
        var client = await SignInAsync(moderator);
        var blocked = await client.Http.GetAsync("/Moderation");
        Assert.Equal("/Account/TwoFactor?required=True", blocked.Headers.Location!.OriginalString);
        var setup = await client.Get("/Account/TwoFactor?required=True");
        Assert.StartsWith("Votre rôle demande un second facteur", setup.Document.QuerySelector("[role=alert]")!.TextContent);
        var qr = await client.Http.GetAsync(setup.Document.QuerySelector("img.qr-code")!.GetAttribute("src"));
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);

        var key = await KeyOn(client);
        var wrong = await client.PostForm("/Account/TwoFactor", "form[action*=Enable]", new() { ["Code"] = "000000" == CodeFor(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.StartsWith("Ce code n’est pas le bon", AppClient.FieldError(await AppClient.Html(wrong), "code-error"));
        var codes = await EnableAsync(client, CodeFor(key));
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Moderation")).Response.StatusCode);

        // Next time, the password is not enough.
        var next = App.Anonymous();
        var password = await next.SignIn(moderator.Email, AppFixture.Password);
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await next.Http.GetAsync("/Moderation")).StatusCode);
        var bad = await next.PostForm(password.Headers.Location.OriginalString, Form, new() { ["Code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var good = await next.PostForm(password.Headers.Location.OriginalString, Form, new() { ["Code"] = CodeFor(key) });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.Get("/Moderation")).Response.StatusCode);

        // A recovery code works once.
        foreach (var expected in new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest })
        {
            var phoneless = App.Anonymous();
            await phoneless.SignIn(moderator.Email, AppFixture.Password);
            var recovery = await phoneless.PostForm("/Account/LoginWith2fa?RecoveryCode=true", Form, new() { ["Code"] = codes[0] });
            Assert.Equal(expected, recovery.StatusCode);
        }
        Assert.Equal([SecurityEventKind.TwoFactorEnabled], await WithDb(db => db.SecurityEvents
            .Where(e => e.UserId == moderator.Id && e.Kind == SecurityEventKind.TwoFactorEnabled).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task Agents_may_turn_it_on_and_off_but_staff_cannot_turn_it_off_when_it_is_required()
    {
        App.Options<AccountOptions>().RequireTwoFactorForStaff = true;
        var agent = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.OK, (await agent.Get("/Entries")).Response.StatusCode);
        await EnableAsync(agent, CodeFor(await KeyOn(agent)));
        var off = await agent.PostForm("/Account/TwoFactor", "form[action*=Disable]", new());
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("Le second facteur est désactivé.", (await agent.Get("/Account/TwoFactor")).Document.QuerySelector(".status-message")!.TextContent);

        var moderator = await SignInAsync(await Given.AModerator());
        await EnableAsync(moderator, CodeFor(await KeyOn(moderator)));
        var page = await moderator.Get("/Account/TwoFactor");
        Assert.Null(page.Document.QuerySelector("form[action*=Disable]"));
        var forced = await moderator.PostWithToken(AppClient.Token(page.Document, "form[action*=RecoveryCodes]"), "/Account/TwoFactor?handler=Disable");
        Assert.Equal(HttpStatusCode.Conflict, forced.StatusCode);
    }
}
