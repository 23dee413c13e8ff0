using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Entries;

public sealed class SubmitEntryTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static EntryInput Input(int themeId, string title = "Les notes de frais passent par trois bureaux", string body = "Trois signatures **papier**.", int? unitId = null, bool hide = false) =>
        new(EntryKind.Difficulty, title, body, [themeId], unitId, hide);

    [Fact]
    public async Task Submitting_saves_the_entry_with_its_themes_in_the_authors_unit_by_default()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var themeId = await app.AnyThemeIdAsync();
        var id = await app.Send(new SubmitEntry(Input(themeId)), agent);

        var saved = await app.WithDb(db => db.Entries.Include(e => e.Themes).SingleAsync(e => e.Id == id));
        var agentUnit = await app.WithDb(db => db.Users.Where(u => u.Id == agent.Id).Select(u => u.UnitId).SingleAsync());
        Assert.Equal(EntryStatus.Submitted, saved.Status);
        Assert.Equal(agent.Id, saved.AuthorId);
        Assert.Equal(agentUnit, saved.UnitId);
        Assert.Equal([themeId], saved.Themes.Select(t => t.Id));
        Assert.Contains("<strong>papier</strong>", saved.BodyHtml);
        Assert.Equal(0, saved.VoteCount);
        Assert.Equal(Trending.NoVotes, saved.TrendingScore);
    }

    [Theory]
    [InlineData("", "Title", "Validation.Required")]
    [InlineData("121", "Title", "Validation.MaxLength")]
    [InlineData("body", "Body", "Validation.MaxLength")]
    public async Task Bad_input_is_refused_and_nothing_is_saved(string what, string field, string key)
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var themeId = await app.AnyThemeIdAsync();
        var before = await app.WithDb(db => db.Entries.CountAsync());
        var input = what switch
        {
            "" => Input(themeId, title: ""),
            "121" => Input(themeId, title: new string('a', 121)),
            _ => Input(themeId, body: new string('b', 20_001)),
        };
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SubmitEntry(input), agent));
        Assert.Contains(ex.Errors, e => e.Field == field && e.MessageKey == key);
        Assert.Equal(before, await app.WithDb(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task Unknown_kind_theme_and_unit_are_refused_by_field()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var themeId = await app.AnyThemeIdAsync();
        var before = await app.WithDb(db => db.Entries.CountAsync());

        var kind = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.Send(new SubmitEntry(Input(themeId) with { Kind = (EntryKind)42 }), agent));
        Assert.Contains(kind.Errors, e => e.Field == "Kind");
        var theme = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SubmitEntry(Input(99_999)), agent));
        Assert.Contains(theme.Errors, e => e.Field == "ThemeIds" && e.MessageKey == "Validation.UnknownTheme");
        var unit = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SubmitEntry(Input(themeId, unitId: 99_999)), agent));
        Assert.Contains(unit.Errors, e => e.Field == "UnitId" && e.MessageKey == "Validation.UnknownUnit");
        Assert.Equal(before, await app.WithDb(db => db.Entries.CountAsync()));
    }

    [Fact]
    public async Task Another_agent_sees_anonymous_entries_without_the_name_and_moderators_see_it()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var other = await app.OtherAgentAsync();
        var moderator = await app.UserAsync(TestApp.Moderator);
        var id = await app.Send(new SubmitEntry(Input(await app.AnyThemeIdAsync(), hide: true)), agent);

        Assert.Null((await app.Send(new GetEntry(id), other)).AuthorName);
        Assert.Equal("Camille Dubois", (await app.Send(new GetEntry(id), moderator)).AuthorName);
        Assert.Equal("Camille Dubois", (await app.Send(new GetEntry(id), agent)).AuthorName);
    }

    [Fact]
    public async Task Only_the_author_can_edit_and_only_while_submitted()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var other = await app.OtherAgentAsync();
        var themeId = await app.AnyThemeIdAsync();
        var id = await app.Send(new SubmitEntry(Input(themeId)), agent);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new EditEntry(id, Input(themeId, title: "Piraté")), other));
        await app.Send(new EditEntry(id, Input(themeId, title: "Titre corrigé")), agent);
        Assert.Equal("Titre corrigé", await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.Title).SingleAsync()));

        await app.WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.UnderReview)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new EditEntry(id, Input(themeId, title: "Trop tard")), agent));
        Assert.Equal("Titre corrigé", await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_sorts_by_votes()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var page = await app.Send(new ListEntries(Kind: EntryKind.Initiative, Sort: EntrySort.MostVotes), agent);
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.Equal(EntryKind.Initiative, e.Kind));
        Assert.Equal(page.Items.Select(e => e.VoteCount).OrderDescending(), page.Items.Select(e => e.VoteCount));
    }

    [Fact]
    public async Task A_unit_filter_includes_the_units_below_it()
    {
        var agent = await app.UserAsync(TestApp.Agent);
        var root = await app.WithDb(db => db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => new { u.Id, u.Path }).FirstAsync());
        var page = await app.Send(new ListEntries(UnitId: root.Id), agent);
        var expected = await app.WithDb(db => db.Entries.CountAsync(e => e.Unit!.Path.StartsWith(root.Path) && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged));
        Assert.Equal(expected, page.Total);
        Assert.True(expected > 0);
    }
}
