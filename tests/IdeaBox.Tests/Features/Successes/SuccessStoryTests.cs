using IdeaBox.Web.Features.Home;
using IdeaBox.Web.Features.Successes;
using IdeaBox.Web.Infrastructure.Email;

namespace IdeaBox.Tests.Features.Successes;

[Collection(Slices.Name)]
public sealed class SuccessStoryTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_moderator_puts_an_initiative_on_show_and_takes_it_off_and_each_decision_is_audited()
    {
        var unit = await Given.AUnit("Service des archives");
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Archives numériques");
        var initiative = await Given.AnEntry(EntryKind.Initiative, EntryStatus.Accepted, title: "Scanner à la demande");
        await Given.Carries(project, initiative);
        var moderator = await Given.AModerator();
        var agent = await Given.AnAgent();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new FeatureSuccess(initiative, " ", null), moderator));
        Assert.Equal(["WhatChanged", "ContactUnitId"], invalid.Errors.Select(e => e.Field));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new FeatureSuccess(initiative, "Bravo", unit.Id), agent));
        var idea = await Given.AnEntry(EntryKind.Idea, EntryStatus.Accepted);
        Assert.Equal("Success.NotEligible", (await Assert.ThrowsAsync<ConflictException>(() => Send(new FeatureSuccess(idea, "Bravo", unit.Id), moderator))).MessageKey);

        await Send(new FeatureSuccess(initiative, "Les dossiers arrivent en un jour au lieu d'une semaine.", unit.Id), moderator);

        var story = Assert.Single(await Send(new ListSuccessStories(), agent));
        Assert.Equal(("Scanner à la demande", "Les dossiers arrivent en un jour au lieu d'une semaine.", "Service des archives"),
            (story.Entry.Title, story.WhatChanged, story.ContactUnit));
        Assert.Equal(project, Assert.Single(story.Projects).Id);
        Assert.Equal(["Scanner à la demande"], (await Send(new GetHome(), agent)).News.Featured.Select(s => s.Entry.Title));

        await Send(new UnfeatureSuccess(initiative), moderator);
        Assert.Empty(await Send(new ListSuccessStories(), agent));
        Assert.Equal([AuditAction.Featured, AuditAction.Unfeatured], (await AuditAsync(initiative)).Select(a => a.Action));
        await Assert.ThrowsAsync<ConflictException>(() => Send(new UnfeatureSuccess(initiative), moderator));
    }

    [Fact]
    public async Task A_done_entry_can_be_featured_and_a_story_leaves_every_page_when_its_entry_is_hidden()
    {
        var unit = await Given.AUnit();
        var done = await Given.AnEntry(EntryKind.Idea, EntryStatus.Done, title: "Parapheur électronique");
        var moderator = await Given.AModerator();
        await Send(new FeatureSuccess(done, "Plus de papier.", unit.Id), moderator);
        Assert.Single(await Send(new ListSuccessStories(), moderator));

        await WithDb(db => db.Entries.Where(e => e.Id == done).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Hidden)));
        Assert.Empty(await Send(new ListSuccessStories(), await Given.AnAgent()));
    }

    [Fact]
    public async Task The_weekly_digest_tells_the_successes_put_on_show_that_week()
    {
        var unit = await Given.AUnit("Cellule RH");
        var initiative = await Given.AnEntry(EntryKind.Initiative, EntryStatus.Accepted, title: "Parrainage des nouveaux");
        var reader = await Given.AnAgent();
        // Featured during the last complete week (the clock starts on Wednesday 25 November; that week is 16–22 November).
        Clock.Set(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        await Send(new FeatureSuccess(initiative, "Chaque arrivant a un parrain.", unit.Id), await Given.AModerator());
        Clock.Set(TestClock.Start);

        await App.Service<WeeklyDigest>().SendDueAsync(CancellationToken.None);

        var mail = Assert.Single(Mailbox.Read(App.MailFolder), m => m.To() == reader.Email);
        Assert.Contains("Réussites mises à l'honneur cette semaine", mail.TextBody);
        Assert.Contains($"Parrainage des nouveaux : Chaque arrivant a un parrain. (contact : Cellule RH) http://localhost:5080/Entries/{initiative}", mail.TextBody);
    }
}

[Collection(Pages.Name)]
public sealed class SuccessStoryPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_moderator_features_from_the_moderation_page_and_everyone_reads_the_printable_page()
    {
        var unit = await Given.AUnit("Service des archives");
        var initiative = await Given.AnEntry(EntryKind.Initiative, EntryStatus.Accepted, title: "Scanner à la demande");
        var moderator = await SignInAsync(await Given.AModerator());
        var url = $"/Entries/{initiative}/Moderate";

        var empty = await moderator.PostForm(url, "form[action*=handler\\=Feature]", new() { ["FeatureForm.WhatChanged"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = await AppClient.Html(empty);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(errors, "feature-text-error"));
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(errors, "feature-unit-error"));

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostForm(url, "form[action*=handler\\=Feature]", new()
        {
            ["FeatureForm.WhatChanged"] = "Les dossiers arrivent en un jour.",
            ["FeatureForm.ContactUnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode);

        var agent = await SignInAsync(await Given.AnAgent());
        var (_, page) = await agent.Get("/Successes");
        Assert.Equal("Scanner à la demande", page.QuerySelector(".story .story-title")!.TextContent);
        Assert.Contains("contact : Service des archives", page.QuerySelector(".story .hint")!.TextContent);
        var (_, home) = await agent.Get("/");
        Assert.Equal("Ils l'ont fait", home.GetElementById("featured-title")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostWithToken("/Successes", "form", $"{url}?handler=Unfeature", [])).StatusCode);
    }
}
