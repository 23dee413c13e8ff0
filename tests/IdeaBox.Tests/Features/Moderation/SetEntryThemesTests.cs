using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class SetEntryThemesTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Moderators_set_the_themes_of_any_entry_and_the_names_before_and_after_are_audited()
    {
        var moderator = await Given.AModerator();
        var (mobility, housing, health) = (await Given.ATheme("Mobilité"), await Given.ATheme("Logement"), await Given.ATheme("Santé"));
        var id = await Given.AnEntry(themes: [mobility]);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new SetEntryThemes(id, [housing.Id]), await Given.AnAgent()));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SetEntryThemes(id, []), moderator));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new SetEntryThemes(id, [housing.Id, 999_999]), moderator));

        await Send(new SetEntryThemes(id, [health.Id, housing.Id]), moderator);
        Assert.Equal(new[] { housing.Id, health.Id }.Order(), (await EntryAsync(id)).Themes.Select(t => t.Id).Order());
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal((AuditAction.ThemesChanged, "Mobilité", "Logement, Santé"), (audit.Action, audit.ThemesBefore, audit.ThemesAfter));

        // The same themes again change nothing.
        await Send(new SetEntryThemes(id, [housing.Id, health.Id]), moderator);
        Assert.Single(await AuditAsync(id));
    }
}
