namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class PasswordTests(AppFixture app) : AppTest(app)
{
    private const string NewPassword = "le café du troisième étage";

    private async Task<HttpResponseMessage> Forgot(string email) =>
        await App.Anonymous().PostForm("/Account/ForgotPassword", "form:not(.language)", new() { ["Email"] = email });

    [Fact]
    public async Task A_forgotten_password_gets_a_link_and_the_answer_never_tells_whether_the_address_has_an_account()
    {
        var agent = await Given.AnAgent();
        var known = await Forgot(agent.Email);
        var unknown = await Forgot("personne@ministere.example");
        Assert.Equal((HttpStatusCode.Redirect, "/Account/ForgotPassword?sent=True"), (known.StatusCode, known.Headers.Location!.OriginalString));
        Assert.Equal((known.StatusCode, known.Headers.Location), (unknown.StatusCode, unknown.Headers.Location));
        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.Equal(agent.Email, mail.To());
        Assert.Contains("expire dans 2 heures", mail.TextBody);

        var otherSession = await SignInAsync(agent);
        var client = App.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.ChoosePassword(AccountLinks.SetPasswordPath(mail), NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SignIn(agent.Email, AppFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn(agent.Email, NewPassword)).StatusCode);
        // The reset ended the sessions opened with the old password; the link served once.
        Assert.Equal(HttpStatusCode.Redirect, (await otherSession.Http.GetAsync("/Entries")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().ForcePassword(AccountLinks.SetPasswordPath(mail), "encore une autre phrase")).StatusCode);

        var invalid = await App.Anonymous().PostForm("/Account/ForgotPassword", "form:not(.language)", new() { ["Email"] = "pas-une-adresse" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Cette adresse e-mail n’est pas valide.", AppClient.FieldError(await AppClient.Html(invalid), "email-error"));
    }

    [Fact]
    public async Task A_tampered_link_is_refused()
    {
        var agent = await Given.AnAgent();
        await Forgot(agent.Email);
        var link = AccountLinks.SetPasswordPath(Assert.Single(Mailbox.Read(App.MailFolder)));
        var other = await Given.AnAgent();
        var stolen = link.Replace($"user={agent.Id}", $"user={other.Id}", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().ForcePassword(stolen, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().Get(link)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().Get(link[..^4])).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().Get(link.Replace("purpose=reset", "purpose=invitation", StringComparison.Ordinal))).Response.StatusCode);
    }

    [Fact]
    public async Task Changing_one_s_password_needs_the_current_one_and_ends_the_other_sessions()
    {
        var agent = await Given.AnAgent();
        var other = await SignInAsync(agent);
        var client = await SignInAsync(agent);
        Dictionary<string, string> Change(string current, string password) =>
            new() { ["Input.Current"] = current, ["Input.Password"] = password, ["Input.Confirm"] = password };

        var wrong = await client.PostForm("/Account/ChangePassword", "form:not(.language):not([action*=Logout])", Change("faux", NewPassword));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("Le mot de passe actuel est incorrect.", AppClient.FieldError(await AppClient.Html(wrong), "current-error"));
        var weak = await client.PostForm("/Account/ChangePassword", "form:not(.language):not([action*=Logout])", Change(AppFixture.Password, "azertyuiop123"));
        Assert.StartsWith("Ce mot de passe est trop courant", AppClient.FieldError(await AppClient.Html(weak), "password-error"));

        var changed = await client.PostForm("/Account/ChangePassword", "form:not(.language):not([action*=Logout])", Change(AppFixture.Password, NewPassword));
        Assert.Equal("/Settings", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Settings")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.Http.GetAsync("/Settings")).StatusCode);
        Assert.Equal(SecurityEventKind.PasswordChanged, await WithDb(db => db.SecurityEvents.Where(e => e.UserId == agent.Id).OrderBy(e => e.Id).Select(e => e.Kind).LastAsync()));
    }
}
