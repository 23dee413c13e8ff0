using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Admin;

[Collection(Slices.Name)]
public sealed class ThemesTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Administrators_add_rename_and_delete_themes_and_names_stay_unique()
    {
        var admin = await Given.AnAdministrator();
        var taken = await Given.ATheme("Numérique");
        var id = await Send(new SaveTheme(null, "  Mobilité douce "), admin);
        Assert.Equal("Mobilité douce", await WithDb(db => db.Themes.Where(t => t.Id == id).Select(t => t.Name).SingleAsync()));
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SaveTheme(id, "Numérique"), admin));
        Assert.Equal(("Name", "Admin.ThemeExists"), (duplicate.Errors.Single().Field, duplicate.Errors.Single().MessageKey));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SaveTheme(null, ""), admin));

        await Send(new SaveTheme(id, "Mobilité"), admin);
        Assert.Equal([("Mobilité", 0), ("Numérique", 0)], (await Send(new ListThemes(), admin)).Select(t => (t.Name, t.EntryCount)));
        await Send(new DeleteTheme(id), admin);
        Assert.Equal([taken.Id], (await Send(new ListThemes(), admin)).Select(t => t.Id));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new ListThemes(), await Given.AModerator()));
    }

    [Fact]
    public async Task A_theme_that_is_the_only_theme_of_an_entry_cannot_be_deleted()
    {
        var admin = await Given.AnAdministrator();
        var only = await Given.ATheme("Thème unique");
        await Given.AnEntry(themes: [only]);
        Assert.Equal("Admin.ThemeIsOnlyTheme", (await Assert.ThrowsAsync<ConflictException>(() => Send(new DeleteTheme(only.Id), admin))).MessageKey);
    }

    [Fact]
    public async Task A_new_theme_is_offered_in_the_forms_at_once()
    {
        var agent = await Given.AnAgent();
        Assert.Empty((await Send(new GetEntryFormOptions(), agent)).Themes);
        await Send(new SaveTheme(null, "Bien-être au travail"), await Given.AnAdministrator());
        Assert.Equal(["Bien-être au travail"], (await Send(new GetEntryFormOptions(), agent)).Themes.Select(t => t.Name));
    }
}

[Collection(Slices.Name)]
public sealed class UnitsTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_new_unit_gets_its_place_in_the_tree_and_can_be_renamed()
    {
        var admin = await Given.AnAdministrator();
        var top = await Given.AUnit("Administration générale");
        var parent = await Given.AUnit("Direction de l'innovation", top);
        var id = await Send(new SaveUnit(null, "Cellule innovation", parent.Id), admin);
        var unit = await WithDb(db => db.Units.SingleAsync(u => u.Id == id));
        Assert.Equal(($"/{top.Id}/{parent.Id}/{id}/", 2), (unit.Path, unit.Depth));
        var rows = (await Send(new ListUnits(), admin)).Select(r => r.Id).ToList();
        Assert.True(rows.IndexOf(id) == rows.IndexOf(parent.Id) + 1);

        await Send(new SaveUnit(id, "Cellule d'innovation", null), admin);
        Assert.Equal("Cellule d'innovation", await WithDb(db => db.Units.Where(u => u.Id == id).Select(u => u.Name).SingleAsync()));
        Assert.Equal("ParentId", (await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SaveUnit(null, "X", 999_999), admin))).Errors.Single().Field);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new SaveUnit(null, "Pirate", null), await Given.AModerator()));
    }
}

[Collection(Slices.Name)]
public sealed class SetUserRolesTests(AppFixture app) : AppTest(app)
{
    private async Task<IReadOnlyList<string>> RolesOf(TestUser user, TestUser admin) =>
        Assert.Single((await Send(new ListUsers(user.Email), admin)).Items).Roles;

    [Fact]
    public async Task Administrators_set_roles_everyone_stays_an_agent_and_nobody_drops_their_own_admin_role()
    {
        var admin = await Given.AnAdministrator();
        var user = await Given.AnAgent();
        await Send(new SetUserRoles(user.Id, [Roles.Moderator, Roles.Expert]), admin);
        Assert.Equal([Roles.Moderator, Roles.Expert, Roles.Agent], await RolesOf(user, admin));
        await Send(new SetUserRoles(user.Id, []), admin);
        Assert.Equal([Roles.Agent], await RolesOf(user, admin));

        var own = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SetUserRoles(admin.Id, [Roles.Moderator]), admin));
        Assert.Equal("Admin.KeepOwnAdmin", own.Errors.Single().MessageKey);
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SetUserRoles(user.Id, ["Pirate"]), admin));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new SetUserRoles(user.Id, [Roles.Administrator]), await Given.AModerator()));
        Assert.Equal([Roles.Agent], await RolesOf(user, admin));
    }

    [Fact]
    public async Task Users_are_found_by_name_or_e_mail_thirty_a_page()
    {
        var admin = await Given.AnAdministrator();
        for (var i = 0; i < 31; i++) await Given.AnAgent();
        var page = await Send(new ListUsers(null, 2), admin);
        Assert.Equal((32, 2, 2), (page.Paging.Total, page.Paging.Page, page.Items.Count));
        Assert.Equal(admin.Id, Assert.Single((await Send(new ListUsers(admin.DisplayName), admin)).Items).Id);
    }
}

[Collection(Pages.Name)]
public sealed class AdministrationPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_administrator_changes_a_users_roles_from_the_users_page()
    {
        var target = await Given.AnAgent();
        var admin = await SignInAsync(await Given.AnAdministrator());
        var response = await admin.PostForm($"/Admin/Users?q={Uri.EscapeDataString(target.Email)}", $"#user-{target.Id} form", new() { ["roles"] = "Leadership" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await admin.Get($"/Admin/Users?q={Uri.EscapeDataString(target.Email)}");
        Assert.True(page.GetElementById($"role-{target.Id}-Leadership")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task A_theme_name_already_taken_comes_back_next_to_its_field()
    {
        await Given.ATheme("Numérique");
        var admin = await SignInAsync(await Given.AnAdministrator());
        var response = await admin.PostForm("/Admin/Themes", "form[action*=Add]", new() { ["Name"] = "Numérique" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Un thème porte déjà ce nom.", AppClient.FieldError(await AppClient.Html(response), "name-error"));
    }
}
