using IdeaBox.Domain;
using IdeaBox.Tests.Features.Moderation;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Admin;

public sealed class AdministrationTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private Task<FakeUser> Admin() => app.UserAsync(ModerationSetup.Administrator);

    [Fact]
    public async Task Administrators_add_rename_and_delete_themes_and_names_stay_unique()
    {
        var admin = await Admin();
        var id = await app.Send(new SaveTheme(null, "  Mobilité douce "), admin);
        Assert.Equal("Mobilité douce", await app.WithDb(db => db.Themes.Where(t => t.Id == id).Select(t => t.Name).SingleAsync()));
        var taken = await app.WithDb(db => db.Themes.Where(t => t.Id != id).Select(t => t.Name).FirstAsync());
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SaveTheme(id, taken), admin));
        Assert.Equal("Admin.ThemeExists", duplicate.Errors.Single().MessageKey);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SaveTheme(null, ""), admin));

        await app.Send(new SaveTheme(id, "Mobilité"), admin);
        Assert.Contains(await app.Send(new ListThemes(), admin), t => t.Id == id && t.Name == "Mobilité");
        await app.Send(new DeleteTheme(id), admin);
        Assert.DoesNotContain(await app.Send(new ListThemes(), admin), t => t.Id == id);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new ListThemes(), app.UserAsync(TestApp.Moderator).Result));
    }

    [Fact]
    public async Task A_theme_that_is_the_only_theme_of_an_entry_cannot_be_deleted()
    {
        var admin = await Admin();
        var theme = await app.Send(new SaveTheme(null, "Thème unique"), admin);
        await app.Send(new SubmitEntry(new EntryInput(EntryKind.Idea, "Avec un seul thème", "Texte.", [theme], null, false)), await app.UserAsync(TestApp.Agent));
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new DeleteTheme(theme), admin));
    }

    [Fact]
    public async Task A_new_unit_gets_its_place_in_the_tree_and_list_filters_include_it()
    {
        var admin = await Admin();
        var parent = await app.WithDb(db => db.Units.Where(u => u.Depth == 1).Select(u => new { u.Id, u.Path }).FirstAsync());
        var id = await app.Send(new SaveUnit(null, "Cellule innovation", parent.Id), admin);
        var unit = await app.WithDb(db => db.Units.SingleAsync(u => u.Id == id));
        Assert.Equal((parent.Path + id + "/", 2), (unit.Path, unit.Depth));
        var rows = await app.Send(new ListUnits(), admin);
        Assert.True(rows.ToList().FindIndex(r => r.Id == id) > rows.ToList().FindIndex(r => r.Id == parent.Id));
        await app.Send(new SaveUnit(id, "Cellule d'innovation", null), admin);
        Assert.Equal("Cellule d'innovation", await app.WithDb(db => db.Units.Where(u => u.Id == id).Select(u => u.Name).SingleAsync()));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SaveUnit(null, "X", 999_999), admin));
    }

    [Fact]
    public async Task Administrators_set_roles_everyone_stays_an_agent_and_nobody_drops_their_own_admin_role()
    {
        var admin = await Admin();
        var user = await app.OtherAgentAsync(21);
        await app.Send(new SetUserRoles(user.Id, [Roles.Moderator, Roles.Expert]), admin);
        Assert.Equal([Roles.Moderator, Roles.Expert, Roles.Agent], await RolesOf(user.Id));
        await app.Send(new SetUserRoles(user.Id, []), admin);
        Assert.Equal([Roles.Agent], await RolesOf(user.Id));

        var own = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SetUserRoles(admin.Id, [Roles.Moderator]), admin));
        Assert.Equal("Admin.KeepOwnAdmin", own.Errors.Single().MessageKey);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SetUserRoles(user.Id, ["Pirate"]), admin));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new SetUserRoles(user.Id, [Roles.Administrator]), app.UserAsync(TestApp.Moderator).Result));
        Assert.Equal([Roles.Agent], await RolesOf(user.Id));
    }

    private async Task<IReadOnlyList<string>> RolesOf(int userId)
    {
        var email = await app.WithDb(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());
        var page = await app.Send(new ListUsers(email, 1), await Admin());
        return Assert.Single(page.Items).Roles;
    }
}
