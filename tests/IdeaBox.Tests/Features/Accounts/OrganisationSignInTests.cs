using IdeaBox.OidcProvider;
using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Infrastructure.Identity;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Sso.Name)]
public sealed class OrganisationSignInTests(SsoFixture app) : AppTest(app)
{
    private TestOidcProvider Provider => app.Provider;

    private async Task<OrgUnit> AUnitCoded(string name, string code)
    {
        var unit = await Given.AUnit(name);
        await WithDb(async db => { (await db.Units.SingleAsync(u => u.Id == unit.Id)).Code = code; return await db.SaveChangesAsync(); });
        return unit;
    }

    private DirectoryUser Person(string login, string? email, string? unit, params string[] groups)
    {
        var person = new DirectoryUser(login, "directory-password", $"sub-{login}", email, $"Prénom {login}", unit, groups);
        Provider.Add(person);
        return person;
    }

    private SsoFlow Browser() => new(App.Anonymous(), Provider);

    private Task<AppUser?> Account(string email) => WithDb(db => db.Users.Include(u => u.Unit).SingleOrDefaultAsync(u => u.Email == email));

    private async Task<IReadOnlyList<string>> RolesOf(int id) => (await Send(new GetUserAccount(id), await Given.AnAdministrator())).Roles;

    [Fact]
    public async Task The_first_sign_in_creates_the_account_from_the_token_with_its_unit_and_mapped_roles()
    {
        // The provider is the second factor of its accounts: IdeaBox asks none of its own.
        App.Options<AccountOptions>().RequireTwoFactorForStaff = true;
        var unit = await AUnitCoded("Service informatique", "DSI-01");
        var person = Person("amina", "amina.diallo@ministere.example", "DSI-01", SsoFixture.ModeratorsGroup, "grp-unmapped");
        using var browser = Browser();

        var signedIn = await browser.SignInAsync(person);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (signedIn.StatusCode, signedIn.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await browser.App.Get("/Moderation")).Response.StatusCode);

        var account = (await Account("amina.diallo@ministere.example"))!;
        Assert.Equal(("Prénom amina", unit.Id, null, Roles.Moderator), (account.DisplayName, account.UnitId, account.PasswordHash, account.DirectoryRoles));
        Assert.Equal([Roles.Moderator, Roles.Agent], await RolesOf(account.Id));
        Assert.Equal([SecurityEventKind.AccountCreated, SecurityEventKind.RolesChanged, SecurityEventKind.SignInSucceeded],
            await WithDb(db => db.SecurityEvents.Where(e => e.UserId == account.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task Each_sign_in_reapplies_unit_and_directory_roles_but_keeps_a_role_granted_by_hand()
    {
        await AUnitCoded("Service informatique", "DSI-01");
        var moved = await AUnitCoded("Cellule marchés", "MAR-02");
        var person = Person("bruno", "bruno@ministere.example", "DSI-01", SsoFixture.ModeratorsGroup, SsoFixture.DirectionGroup);
        using (var first = Browser()) await first.SignInAsync(person);
        var account = (await Account("bruno@ministere.example"))!;
        var admin = await Given.AnAdministrator();
        await Send(new SetUserRoles(account.Id, [Roles.Moderator, Roles.Leadership, Roles.Expert]), admin);

        // Moved in the directory and out of the moderators' group.
        person = Person("bruno", "bruno@ministere.example", "MAR-02", SsoFixture.DirectionGroup);
        using (var second = Browser()) Assert.Equal("/", (await second.SignInAsync(person)).Headers.Location!.OriginalString);
        Assert.Equal(moved.Id, (await Account("bruno@ministere.example"))!.UnitId);
        Assert.Equal([Roles.Leadership, Roles.Expert, Roles.Agent], await RolesOf(account.Id));

        // When the directory is the only source of roles, the hand-granted one goes too.
        App.Options<OidcOptions>().DirectoryIsOnlySourceOfRoles = true;
        using (var third = Browser()) await third.SignInAsync(person);
        Assert.Equal([Roles.Leadership, Roles.Agent], await RolesOf(account.Id));
        Assert.Single(await WithDb(db => db.Users.Where(u => u.Email == "bruno@ministere.example").ToListAsync()));
    }

    [Fact]
    public async Task An_account_invited_by_an_administrator_is_linked_at_its_first_organisation_sign_in()
    {
        var unit = await AUnitCoded("Service informatique", "DSI-01");
        var invited = await Send(new InviteUser("chloe@ministere.example", "Chloé Invitée", unit.Id, [Roles.Expert]), await Given.AnAdministrator());
        using var browser = Browser();
        await browser.SignInAsync(Person("chloe", "chloe@ministere.example", "DSI-01"));
        Assert.Equal([Roles.Expert, Roles.Agent], await RolesOf(invited.UserId));
        Assert.Equal(1, await WithDb(db => db.UserLogins.CountAsync(l => l.UserId == invited.UserId)));
    }

    [Theory]
    [InlineData("no-email", "Le service de connexion n’a pas transmis votre adresse e-mail")]
    [InlineData("unknown-unit", "Votre unité dans l’annuaire de l’organisation n’est pas connue d’IdeaBox")]
    [InlineData(nameof(Tampering.WrongIssuer), "La réponse ne vient pas du service de connexion attendu")]
    [InlineData(nameof(Tampering.BadSignature), "La réponse n’est pas signée par le service de connexion de l’organisation")]
    [InlineData(nameof(Tampering.WrongNonce), "Cette réponse a déjà servi ou ne correspond pas à la connexion commencée dans ce navigateur")]
    public async Task A_refused_answer_shows_a_clear_error_and_creates_nothing(string failure, string message)
    {
        await AUnitCoded("Service informatique", "DSI-01");
        var person = failure switch
        {
            "no-email" => Person("sans-adresse", null, "DSI-01"),
            "unknown-unit" => Person("ailleurs", "ailleurs@ministere.example", "INCONNUE"),
            _ => Person("diane", "diane@ministere.example", "DSI-01", SsoFixture.ModeratorsGroup),
        };
        Provider.Tampering = Enum.TryParse<Tampering>(failure, out var tampering) ? tampering : Tampering.None;
        try
        {
            using var browser = Browser();
            var response = await browser.SignInAsync(person);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/ExternalError", response.Headers.Location!.OriginalString);
            var page = await browser.App.Get(response.Headers.Location.OriginalString);
            Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
            Assert.StartsWith(message, page.Document.QuerySelector("main [role=alert]")!.TextContent);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.App.Http.GetAsync("/Entries")).StatusCode);
        }
        finally
        {
            Provider.Tampering = Tampering.None;
        }
        Assert.Equal(0, await WithDb(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_replayed_answer_is_refused_and_a_disabled_account_stays_out()
    {
        await AUnitCoded("Service informatique", "DSI-01");
        var person = Person("emile", "emile@ministere.example", "DSI-01");
        using var browser = Browser();
        var callback = await browser.AuthorizeAsync(person);
        Assert.Equal("/", (await browser.ReturnAsync(callback)).Headers.Location!.OriginalString);
        // The same answer again, as an attacker holding the URL would send it.
        using var attacker = Browser();
        var replay = await attacker.ReturnAsync(callback);
        Assert.Equal("/Account/ExternalError?reason=Replay", replay.Headers.Location!.OriginalString);

        var account = (await Account("emile@ministere.example"))!;
        await Send(new DisableUser(account.Id), await Given.AnAdministrator());
        using var again = Browser();
        var refused = await again.SignInAsync(person);
        Assert.Equal("/Account/ExternalError?reason=Disabled", refused.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.App.Get(refused.Headers.Location.OriginalString)).Response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_also_signs_out_at_the_provider()
    {
        await AUnitCoded("Service informatique", "DSI-01");
        using var browser = Browser();
        await browser.SignInAsync(Person("farid", "farid@ministere.example", "DSI-01"));
        var before = Provider.EndSessions;
        var signOut = await browser.App.PostForm("/Entries", "form[action*=Logout]", new());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.StartsWith(new Uri(Provider.Issuer, "/connect/endsession").ToString(), endSession.ToString());
        Assert.Contains("id_token_hint=", endSession.Query);
        var back = await browser.AtProviderAsync(endSession);
        Assert.Equal(before + 1, Provider.EndSessions);
        Assert.StartsWith("https://localhost/signout-callback-oidc", back.Headers.Location!.ToString());
        var landed = await browser.App.Http.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.Equal("/Account/Login", landed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.Http.GetAsync("/Entries")).StatusCode);
    }

    [Fact]
    public async Task With_local_accounts_off_the_login_page_offers_only_the_organisation()
    {
        var agent = await Given.AnAgent();
        var client = App.Anonymous();
        var both = await client.Get("/Account/Login");
        Assert.Equal("Se connecter avec l’annuaire du ministère", both.Document.QuerySelector("main a.button")!.TextContent.Trim());
        Assert.NotNull(both.Document.QuerySelector("#Input_Password"));

        App.Options<AccountOptions>().LocalSignIn = false;
        var only = await client.Get("/Account/Login");
        Assert.Null(only.Document.QuerySelector("#Input_Password"));
        Assert.NotNull(only.Document.QuerySelector("main a[href^='/Account/External']"));
        var token = AppClient.Token(only.Document, "form.language");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostWithToken(token, "/Account/Login",
            [new("Input.Email", agent.Email), new("Input.Password", AppFixture.Password)])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/Account/ForgotPassword")).StatusCode);
    }
}
