using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Votes;

namespace IdeaBox.Tests.Features.Entries;

/// <summary>The breadth of an entry's support: distinct units and top-level administrations of its voters and commenters.</summary>
[Collection(Slices.Name)]
public sealed class BreadthTests(AppFixture app) : AppTest(app)
{
    private Task<int> RecountAsync() => WithDb(db => Breadth.RecountStaleAsync(db, CancellationToken.None));

    [Fact]
    public async Task Voters_and_commenters_are_counted_once_per_unit_and_administration_and_three_administrations_make_it_transversal()
    {
        var (a, b, c) = (await Given.AUnit("Administration A"), await Given.AUnit("Administration B"), await Given.AUnit("Administration C"));
        var (a1, a2, b1) = (await Given.AUnit("Service A1", a), await Given.AUnit("Service A2", a), await Given.AUnit("Service B1", b));
        var entry = await Given.AnEntry(title: "Les congés se valident sur papier");
        var other = await Given.AnEntry(title: "Une autre difficulté");

        foreach (var voter in new[] { await Given.AnAgent(a1), await Given.AnAgent(a1), await Given.AnAgent(a2) })
            await Send(new CastVote(entry), voter);
        Assert.True((await EntryAsync(entry)).BreadthStale);
        Assert.Equal(1, await RecountAsync());
        Assert.Equal((2, 1, false), ((await EntryAsync(entry)).SupportUnits, (await EntryAsync(entry)).SupportAdministrations, (await EntryAsync(entry)).BreadthStale));

        var commenter = await Given.AnAgent(b1);
        var comment = await Send(new AddComment(entry, null, "Pareil chez nous."), commenter);
        await Send(new CastVote(entry), await Given.AnAgent(c));
        await RecountAsync();
        var wide = await EntryAsync(entry);
        Assert.Equal((4, 3), (wide.SupportUnits, wide.SupportAdministrations));

        var agent = await Given.AnAgent();
        Assert.Equal([entry], (await Send(new ListEntries(Transversal: true), agent)).Items.Select(i => i.Id));
        Assert.Equal(entry, (await Send(new ListEntries(Sort: EntrySort.Transversal), agent)).Items[0].Id);
        Assert.Contains(other, (await Send(new ListEntries(Sort: EntrySort.Transversal), agent)).Items.Select(i => i.Id));
        Assert.Equal(entry, (await Send(new GetDashboard(DashboardPeriod.All, null), await Given.ALeader())).Transversal[0].Id);
        Assert.Equal((4, 3), ((await Send(new GetEntry(entry), agent)).SupportUnits, (await Send(new GetEntry(entry), agent)).SupportAdministrations));

        // A hidden comment no longer counts: administration B leaves.
        await Send(new HideComment(comment, "Hors sujet."), await Given.AModerator());
        await RecountAsync();
        Assert.Equal((3, 2), ((await EntryAsync(entry)).SupportUnits, (await EntryAsync(entry)).SupportAdministrations));
        Assert.Empty((await Send(new ListEntries(Transversal: true), agent)).Items);
    }
}

[Collection(Pages.Name)]
public sealed class BreadthPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_entry_page_says_how_wide_its_support_is_and_the_list_filters_the_transversal_ones()
    {
        var (a, b, c) = (await Given.AUnit("Administration A"), await Given.AUnit("Administration B"), await Given.AUnit("Administration C"));
        var entry = await Given.AnEntry(title: "Les congés se valident sur papier");
        await Given.AnEntry(title: "Une difficulté locale");
        await Given.Votes(entry, await Given.AnAgent(a), await Given.AnAgent(b), await Given.AnAgent(c));
        await WithDb(db => Breadth.RecountAsync(db, [entry], CancellationToken.None).ContinueWith(_ => 0));

        var agent = await SignInAsync(await Given.AnAgent());
        var (_, page) = await agent.Get($"/Entries/{entry}");
        Assert.Equal("Soutenue par des agents de 3 services et 3 administrations.", page.QuerySelector(".entry-breadth")!.TextContent);
        var (_, list) = await agent.Get("/Entries?transversal=true");
        Assert.Equal(["Les congés se valident sur papier"], list.QuerySelectorAll(".entry-card h2 a").Select(a => a.TextContent.Trim()));
        Assert.True(list.QuerySelector("#transversal")!.HasAttribute("checked"));
    }
}
