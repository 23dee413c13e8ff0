namespace IdeaBox.Tests.Features.Accounts;

/// <summary>
/// How long a session lives (30 minutes idle, 12 hours at most, "remember me" stretching the idle
/// part only), and what ends every session of a person at once: signing out, a new second factor,
/// a change of roles — checked by replaying a copy of an old cookie.
/// </summary>
[Collection(Pages.Name)]
public sealed class SessionTests(AppFixture app) : AppTest(app)
{
    private static bool SignedIn(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.OK;

    private static bool SentToLogin(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/Account/Login";

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes_and_twelve_hours_after_its_sign_in_however_active()
    {
        var agent = await Given.AnAgent();
        var idle = await SignInAsync(agent);
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True(SignedIn(await idle.Http.GetAsync("/Settings")));
        Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(SignedIn(await idle.Http.GetAsync("/Settings")), "used 25 minutes ago: still on");
        Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.True(SentToLogin(await idle.Http.GetAsync("/Settings")), "31 minutes without a request");

        var busy = await SignInAsync(agent);
        for (var i = 1; i <= 35; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(SignedIn(await busy.Http.GetAsync("/Settings")), $"active, {i * 20} minutes after sign-in");
        }
        Clock.Advance(TimeSpan.FromMinutes(25));
        Assert.True(SentToLogin(await busy.Http.GetAsync("/Settings")), "12 hours after sign-in");
    }

    [Fact]
    public async Task Remember_me_lets_a_session_stay_idle_longer_but_not_past_twelve_hours()
    {
        var agent = await Given.AnAgent();
        // The browser keeps the cookie after it closes (a persistent cookie); replayed by hand, as the test clock is not the cookie jar's.
        var login = await AppClient.SignInWithoutCookies(App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = AppClient.BaseAddress }),
            agent.Email, rememberMe: true);
        var setCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-IdeaBox.Auth=", StringComparison.Ordinal));
        Assert.Contains("expires=", setCookie);
        var client = AppClient.WithCookie(App, setCookie.Split(';')[0]);

        Clock.Advance(TimeSpan.FromHours(3));
        Assert.True(SignedIn(await client.Http.GetAsync("/Settings")), "three idle hours with remember me");
        Clock.Advance(TimeSpan.FromHours(9.1));
        Assert.True(SentToLogin(await client.Http.GetAsync("/Settings")), "12 hours after sign-in");
    }

    [Fact]
    public async Task Signing_out_ends_a_copy_of_the_cookie()
    {
        var agent = await Given.AnAgent();
        var cookie = await AppClient.SignInCookie(App, agent.Email);
        var page = await AppClient.WithCookie(App, cookie).Http.GetAsync("/Settings");
        Assert.True(SignedIn(page));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-IdeaBox.Antiforgery=", StringComparison.Ordinal));

        var logout = await AppClient.WithCookie(App, $"{cookie}; {antiforgery}").PostForm("/Settings", "form[action*=Logout]", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.True(SentToLogin(await AppClient.WithCookie(App, cookie).Http.GetAsync("/Settings")), "the copied cookie after sign-out");
    }

    [Fact]
    public async Task Turning_on_the_second_factor_ends_the_other_sessions_and_keeps_this_one()
    {
        var agent = await Given.AnAgent();
        var copy = await AppClient.SignInCookie(App, agent.Email);
        var client = await SignInAsync(agent);
        var key = (await client.Get("/Account/TwoFactor")).Document.GetElementById("shared-key")!.TextContent;
        var enabled = await client.PostForm("/Account/TwoFactor", "form[action*=Enable]", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        Assert.True(SignedIn(await client.Http.GetAsync("/Settings")));
        Assert.True(SentToLogin(await AppClient.WithCookie(App, copy).Http.GetAsync("/Settings")));
    }

    [Fact]
    public async Task A_change_of_roles_ends_the_person_s_sessions_but_not_the_administrator_s_own()
    {
        var agent = await Given.AnAgent();
        var administrator = await Given.AnAdministrator();
        var copy = await AppClient.SignInCookie(App, agent.Email);
        var admin = await SignInAsync(administrator);

        var saved = await admin.PostForm($"/Admin/Users/Account/{agent.Id}", "form[action*=Roles]", new() { ["roles"] = Roles.Moderator });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(SentToLogin(await AppClient.WithCookie(App, copy).Http.GetAsync("/Settings")));

        // Administrators who change their own roles stay signed in.
        var own = await admin.PostForm($"/Admin/Users/Account/{administrator.Id}", "form[action*=Roles]", new() { ["roles"] = Roles.Administrator },
            [new("roles", Roles.Moderator)]);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.True(SignedIn(await admin.Http.GetAsync("/Admin/Users")));
    }
}
