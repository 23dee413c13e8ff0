using IdeaBox.Web.Features.Admin;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class InvitationTests(AppFixture app) : AppTest(app)
{
    private const string NewUserForm = "form:not(.language):not([action*=Logout])";

    private static Dictionary<string, string> Form(string email, string name, int? unit) =>
        new() { ["Input.Email"] = email, ["Input.Name"] = name, ["Input.UnitId"] = unit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" };

    [Fact]
    public async Task An_administrator_invites_someone_who_chooses_a_password_from_the_e_mail_and_signs_in()
    {
        var unit = await Given.AUnit("Service du courrier");
        var admin = await SignInAsync(await Given.AnAdministrator());
        var created = await admin.PostForm("/Admin/Users/New", NewUserForm,
            Form("nouvelle.agente@ministere.example", "Nadia Nouvelle", unit.Id), [new("Input.Roles", Roles.Moderator)]);
        var id = AppClient.RedirectedId(created);
        var account = await admin.Get($"/Admin/Users/Account/{id}");
        Assert.Contains("Une invitation à choisir un mot de passe a été envoyée à nouvelle.agente@ministere.example.", account.Document.QuerySelector(".status-message")!.TextContent);
        Assert.Contains("Invité", account.Document.QuerySelector("dl.facts")!.TextContent);

        var mail = Assert.Single(Mailbox.Read(App.MailFolder));
        Assert.Equal(("nouvelle.agente@ministere.example", "IdeaBox – Votre compte"), (mail.To(), mail.Subject));
        Assert.Contains("expire dans 7 jours", mail.TextBody);
        var client = App.Anonymous();
        var form = await client.Get(AccountLinks.SetPasswordPath(mail));
        Assert.Contains("nouvelle.agente@ministere.example", form.Document.QuerySelector("main")!.TextContent);

        // The policy speaks next to the field, and nothing is saved.
        var tooShort = await client.ChoosePassword(AccountLinks.SetPasswordPath(mail), "court");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal("Le mot de passe doit compter au moins 12 caractères.", AppClient.FieldError(await AppClient.Html(tooShort), "password-error"));
        var common = await client.ChoosePassword(AccountLinks.SetPasswordPath(mail), "password123456");
        Assert.StartsWith("Ce mot de passe est trop courant", AppClient.FieldError(await AppClient.Html(common), "password-error"));
        var mismatch = await client.ChoosePassword(AccountLinks.SetPasswordPath(mail), "une phrase de passe correcte", "une autre phrase");
        Assert.Equal("Les deux mots de passe ne sont pas identiques.", AppClient.FieldError(await AppClient.Html(mismatch), "confirm-error"));
        Assert.Null(await WithDb(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await client.ChoosePassword(AccountLinks.SetPasswordPath(mail), "une phrase de passe correcte")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn("nouvelle.agente@ministere.example", "une phrase de passe correcte")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Moderation")).Response.StatusCode);
        Assert.Equal([SecurityEventKind.AccountCreated, SecurityEventKind.InvitationSent, SecurityEventKind.PasswordReset, SecurityEventKind.SignInSucceeded],
            await WithDb(db => db.SecurityEvents.Where(e => e.UserId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync()));
    }

    [Fact]
    public async Task A_wrong_invitation_is_refused_next_to_its_field_and_creates_nothing()
    {
        var unit = await Given.AUnit();
        var taken = await Given.AnAgent();
        var admin = await SignInAsync(await Given.AnAdministrator());

        var invalid = await admin.PostForm("/Admin/Users/New", NewUserForm, Form("pas une adresse", "", null));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var page = await AppClient.Html(invalid);
        Assert.Equal("Cette adresse e-mail n’est pas valide.", AppClient.FieldError(page, "email-error"));
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(page, "name-error"));
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(page, "unit-error"));

        var duplicate = await admin.PostForm("/Admin/Users/New", NewUserForm, Form(taken.Email.ToUpperInvariant(), "Doublon", unit.Id));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("Un compte existe déjà avec cette adresse e-mail.", AppClient.FieldError(await AppClient.Html(duplicate), "email-error"));

        var unknownRole = await admin.PostForm("/Admin/Users/New", NewUserForm, Form("role@ministere.example", "Rôle", unit.Id), [new("Input.Roles", "Dictator")]);
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Equal(2, await WithDb(db => db.Users.CountAsync()));
        Assert.Empty(Mailbox.Read(App.MailFolder));
    }

    [Fact]
    public async Task Only_administrators_invite_and_a_resent_invitation_voids_the_first_link()
    {
        var admin = await Given.AnAdministrator();
        var unit = await Given.AUnit();
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new InviteUser("a@b.example", "A", unit.Id, []), await Given.AModerator()));
        var invited = await Send(new InviteUser("relance@ministere.example", "Relance", unit.Id, []), admin);
        Assert.True(invited.Emailed);
        var first = AccountLinks.SetPasswordPath(Assert.Single(Mailbox.Read(App.MailFolder)));
        Assert.True(await Send(new ResendInvitation(invited.UserId), admin));
        var second = Mailbox.Read(App.MailFolder).Select(AccountLinks.SetPasswordPath).Single(link => link != first);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().Get(first)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().Get(second)).Response.StatusCode);
        // Once the password is chosen, there is nothing to resend.
        await App.Anonymous().ChoosePassword(second, "une phrase de passe correcte");
        Assert.Equal("Admin.AlreadyHasPassword", (await Assert.ThrowsAsync<ConflictException>(async () => await Send(new ResendInvitation(invited.UserId), admin))).MessageKey);
    }
}
