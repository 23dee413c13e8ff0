using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Jobs;

namespace IdeaBox.Tests.Features.Admin;

[Collection(Pages.Name)]
public sealed class ImportUsersTests(AppFixture app) : AppTest(app)
{
    private const string PreviewForm = "form[enctype]";

    private async Task<OrgUnit> AUnitCoded(string name, string code)
    {
        var unit = await Given.AUnit(name);
        await WithDb(async db => { (await db.Units.SingleAsync(u => u.Id == unit.Id)).Code = code; return await db.SaveChangesAsync(); });
        return unit;
    }

    [Fact]
    public async Task An_hr_file_is_previewed_then_every_account_is_created_with_its_unit_and_roles_and_invited()
    {
        var training = await AUnitCoded("Service de la formation", "RH-FOR");
        var support = await AUnitCoded("Service du support", "TI-SUP");
        var admin = await SignInAsync(await Given.AnAdministrator());
        var lines = "e-mail;nom;unité;rôles\n"
            + "claire.martin@ministere.example;Claire Martin;RH-FOR;\n"
            + "marc.leroy@ministere.example;Marc Leroy;Service du support;Modérateur|Expert\n";

        var preview = await admin.PostWithToken("/Admin/Users/Import", PreviewForm, "/Admin/Users/Import?handler=Preview", [new("Csv", lines)]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await AppClient.Html(preview);
        Assert.Equal(["Claire Martin", "Marc Leroy"], page.QuerySelectorAll("#Lines ~ .table-wrap tbody tr td:nth-child(3)").Select(td => td.TextContent));
        Assert.Equal("Modérateur, Expert", page.QuerySelectorAll("#Lines ~ .table-wrap tbody tr")[1].QuerySelectorAll("td")[4].TextContent);
        Assert.Equal(1, await WithDb(db => db.Users.CountAsync()));

        var token = AppClient.Token(page, "form[action*=Import]");
        var imported = await admin.PostWithToken(token, "/Admin/Users/Import?handler=Import",
            [new("Csv", lines), new("SendInvitations", "true"), new("SendInvitations", "false")]);
        var job = imported.Headers.Location!.OriginalString;
        Assert.StartsWith("/Jobs/", job);
        Assert.Equal(1, await WithDb(db => db.Users.CountAsync()));
        Assert.Equal(1, await App.Service<JobRunner>().RunPendingAsync(CancellationToken.None));
        var done = (await admin.Get(job)).Document;
        Assert.Equal("Import terminé : 2 comptes créés, 2 invitations envoyées.", done.QuerySelector(".job-outcome")!.TextContent);
        Assert.Equal("/Admin/Users", done.QuerySelector(".job .actions a")!.GetAttribute("href"));
        var marc = await WithDb(db => db.Users.SingleAsync(u => u.Email == "marc.leroy@ministere.example"));
        Assert.Equal((support.Id, "Marc Leroy"), (marc.UnitId, marc.DisplayName));
        Assert.Equal(training.Id, await WithDb(db => db.Users.Where(u => u.Email == "claire.martin@ministere.example").Select(u => u.UnitId).SingleAsync()));
        Assert.Equal([Roles.Moderator, Roles.Expert, Roles.Agent], (await Send(new GetUserAccount(marc.Id), await Given.AnAdministrator())).Roles);
        Assert.Equal(["claire.martin@ministere.example", "marc.leroy@ministere.example"], Mailbox.Read(App.MailFolder).Select(m => m.To()).Order());
    }

    [Fact]
    public async Task One_wrong_line_shows_every_line_s_errors_and_creates_nobody()
    {
        await AUnitCoded("Service de la formation", "RH-FOR");
        var taken = await Given.AnAgent();
        var admin = await Given.AnAdministrator();
        var csv = "email,name,unit,roles\n"
            + "ok@ministere.example,Bon Compte,RH-FOR,\n"
            + "pas-une-adresse,Sans Adresse,RH-FOR,\n"
            + $"{taken.Email},Déjà Là,RH-FOR,\n"
            + "ok@ministere.example,Doublon,RH-FOR,\n"
            + "inconnu@ministere.example,Nulle Part,XX-99,Dictateur\n";
        var result = await Send(new ImportUsers(csv, Commit: true, SendInvitations: true), admin);
        Assert.False(result.IsValid);
        Assert.Equal([[], ["Email:Account.InvalidEmail"], ["Email:Account.DuplicateEmail"], ["Email:Account.DuplicateEmail"], ["Roles:Admin.UnknownRole", "Unit:Validation.UnknownUnit"]],
            result.Lines.Select(l => l.Errors.Select(e => $"{e.Field}:{e.MessageKey}").Order().ToList()));
        Assert.Equal(2, await WithDb(db => db.Users.CountAsync()));
        Assert.Empty(Mailbox.Read(App.MailFolder));
        Assert.Equal("Import.MissingColumns", Assert.Single((await Send(new ImportUsers("nom;rôles\nA;", false, false), admin)).FileErrors).MessageKey);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new ImportUsers(csv, false, false), await Given.AModerator()));

        var page = await (await SignInAsync(admin)).PostWithToken("/Admin/Users/Import", PreviewForm, "/Admin/Users/Import?handler=Preview", [new("Csv", csv)]);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("E-mail : Cette adresse e-mail n’est pas valide.", (await AppClient.Html(page)).QuerySelector("#Lines ~ .table-wrap")!.TextContent);
    }
}
