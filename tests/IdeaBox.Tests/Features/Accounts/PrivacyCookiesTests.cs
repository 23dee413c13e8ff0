using IdeaBox.OidcProvider;
using IdeaBox.Web.Infrastructure.Identity;

namespace IdeaBox.Tests.Features.Accounts;

/// <summary>Every cookie the app sets on the ways people use it (sign-in with a password and a second factor, the organisation's sign-in, a form, a language) is on the privacy page.</summary>
[Collection(Sso.Name)]
public sealed class PrivacyCookiesTests(SsoFixture app) : AppTest(app)
{
    private readonly HashSet<string> _seen = [];

    private HttpResponseMessage Saw(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            // A large cookie comes in chunks ("Identity.ExternalC1"): one cookie for the reader.
            foreach (var cookie in cookies) _seen.Add(System.Text.RegularExpressions.Regex.Replace(cookie.Split('=')[0], "C[0-9]+$", ""));
        return response;
    }

    [Fact]
    public async Task The_privacy_page_lists_every_cookie_the_app_sets()
    {
        App.Options<AccountOptions>().RequireTwoFactorForStaff = true;
        var unit = await Given.AUnit();
        await WithDb(async db => { (await db.Units.SingleAsync(u => u.Id == unit.Id)).Code = "U1"; return await db.SaveChangesAsync(); });
        var user = await Given.AnAgent();
        var client = App.Anonymous();
        Saw((await client.Get("/Account/Login")).Response);
        Saw(await client.PostForm("/Account/Login", "form.language", new() { ["culture"] = "en-GB" }));
        Saw(await client.SignIn(user.Email, AppFixture.Password));
        Saw(await client.PostForm("/Settings", "main form", new() { ["WeeklyDigest"] = "true" }));
        Saw((await client.Get("/Settings")).Response);
        // The second factor's step.
        var key = (await client.Get("/Account/TwoFactor")).Document.GetElementById("shared-key")!.TextContent;
        Saw(await client.PostForm("/Account/TwoFactor", "form[action*=Enable]", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        var again = App.Anonymous();
        Saw(await again.SignIn(user.Email, AppFixture.Password));
        // The organisation's sign-in: each step of the browser's way through IdeaBox.
        var person = new DirectoryUser("cookie", "pw", "sub-cookie", "cookie@ministere.example", "Cookie", "U1", []);
        app.Provider.Add(person);
        var sso = App.Anonymous();
        var challenge = Saw(await sso.Http.GetAsync("/Account/External"));
        using var flow = new SsoFlow(sso, app.Provider);
        var callback = await flow.AuthorizeAsync(person);
        var back = Saw(await sso.Http.GetAsync(callback.PathAndQuery));
        Saw(await sso.Http.GetAsync(back.Headers.Location));
        _ = challenge;

        var page = await App.Anonymous().Get("/Privacy");
        var listed = page.Document.QuerySelectorAll("#cookies ~ .table-wrap tbody code").Select(c => c.TextContent).ToList();
        var missing = _seen.Where(name => !listed.Any(l => name == l || (l.EndsWith('.') && name.StartsWith(l, StringComparison.Ordinal)))).ToList();
        Assert.True(missing.Count == 0, "Not on the privacy page: " + string.Join(", ", missing));
        Assert.True(_seen.Count >= 7, "Seen: " + string.Join(", ", _seen));
        Assert.Contains("__Host-IdeaBox.Auth", listed);
    }
}
