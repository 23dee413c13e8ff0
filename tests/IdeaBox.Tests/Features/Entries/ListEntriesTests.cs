using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Entries;

[Collection(Slices.Name)]
public sealed class ListEntriesTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_list_filters_by_kind_and_sorts_by_votes()
    {
        var one = await Given.AnEntry(EntryKind.Initiative);
        var three = await Given.AnEntry(EntryKind.Initiative);
        var two = await Given.AnEntry(EntryKind.Initiative);
        var idea = await Given.AnEntry(EntryKind.Idea);
        await Given.Votes(one, await Given.AnAgent());
        await Given.Votes(three, await Given.AnAgent(), await Given.AnAgent(), await Given.AnAgent());
        await Given.Votes(two, await Given.AnAgent(), await Given.AnAgent());

        var page = await Send(new ListEntries(Kind: EntryKind.Initiative, Sort: EntrySort.MostVotes), await Given.AnAgent());
        Assert.Equal([three, two, one], page.Items.Select(e => e.Id));
        Assert.Equal([3, 2, 1], page.Items.Select(e => e.VoteCount));
        Assert.DoesNotContain(page.Items, e => e.Id == idea);
        Assert.Equal(3, page.Paging.Total);
    }

    [Fact]
    public async Task Newest_first_and_trending_orders_follow_dates_and_recent_votes()
    {
        var old = await Given.AnEntry(createdAt: Clock.UtcNow.AddDays(-30));
        var recent = await Given.AnEntry(createdAt: Clock.UtcNow.AddDays(-1));
        // Two votes a month ago weigh less than one today (a half-life of 7 days).
        await Given.Votes(old, await Given.AnAgent(), await Given.AnAgent());
        Clock.Advance(TimeSpan.FromDays(28));
        await Given.Votes(recent, await Given.AnAgent());
        var reader = await Given.AnAgent();

        Assert.Equal([recent, old], (await Send(new ListEntries(Sort: EntrySort.Newest), reader)).Items.Select(e => e.Id));
        Assert.Equal([recent, old], (await Send(new ListEntries(Sort: EntrySort.Trending), reader)).Items.Select(e => e.Id));
        Assert.Equal([old, recent], (await Send(new ListEntries(Sort: EntrySort.MostVotes), reader)).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task A_unit_filter_includes_the_units_below_it()
    {
        var directorate = await Given.AUnit("Direction des ressources humaines");
        var service = await Given.AUnit("Service du recrutement", directorate);
        var elsewhere = await Given.AUnit("Direction des finances");
        var inDirectorate = await Given.AnEntry(unit: directorate);
        var inService = await Given.AnEntry(unit: service);
        await Given.AnEntry(unit: elsewhere);

        var page = await Send(new ListEntries(UnitId: directorate.Id), await Given.AnAgent());
        Assert.Equal(new[] { inDirectorate, inService }.Order(), page.Items.Select(e => e.Id).Order());
        Assert.Equal([inService], (await Send(new ListEntries(UnitId: service.Id), await Given.AnAgent())).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Hidden_and_merged_entries_leave_the_list_and_only_moderators_ask_for_hidden_ones()
    {
        var listed = await Given.AnEntry(status: EntryStatus.Declined);
        var hidden = await Given.AnEntry(status: EntryStatus.Hidden);
        await Given.AnEntry(status: EntryStatus.Merged, mergedInto: listed);
        var agent = await Given.AnAgent();

        Assert.Equal([listed], (await Send(new ListEntries(), agent)).Items.Select(e => e.Id));
        Assert.Empty((await Send(new ListEntries(Status: EntryStatus.Hidden), agent)).Items);
        Assert.Equal([hidden], (await Send(new ListEntries(Status: EntryStatus.Hidden), await Given.AModerator())).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Pages_hold_twenty_entries_and_a_page_beyond_the_last_shows_the_last()
    {
        for (var i = 0; i < 23; i++) await Given.AnEntry(createdAt: Clock.UtcNow.AddMinutes(-i));
        var agent = await Given.AnAgent();

        var first = await Send(new ListEntries(Sort: EntrySort.Newest), agent);
        Assert.Equal((20, 23, 2), (first.Items.Count, first.Paging.Total, first.Paging.PageCount));
        var beyond = await Send(new ListEntries(Sort: EntrySort.Newest, Page: 9), agent);
        Assert.Equal((2, 3), (beyond.Paging.Page, beyond.Items.Count));
    }

    [Fact]
    public async Task Their_own_entries_show_the_author_every_status_and_what_they_may_still_edit()
    {
        var author = await Given.AnAgent();
        var submitted = await Given.AnEntry(author: author, createdAt: Clock.UtcNow.AddDays(-1));
        var hidden = await Given.AnEntry(author: author, status: EntryStatus.Hidden, createdAt: Clock.UtcNow.AddDays(-2));
        await Given.AnEntry();

        var mine = (await Send(new ListMyEntries(), author)).Items;
        Assert.Equal([submitted, hidden], mine.Select(m => m.Summary.Id));
        Assert.Equal([true, false], mine.Select(m => m.CanEdit));
    }

    [Fact]
    public async Task My_entries_come_a_page_at_a_time_newest_first()
    {
        var author = await Given.AnAgent();
        var ids = new List<int>();
        for (var i = 0; i < ListMyEntries.PageSize + 3; i++) ids.Add(await Given.AnEntry(author: author, createdAt: Clock.UtcNow.AddMinutes(-i)));
        var first = await Send(new ListMyEntries(), author);
        Assert.Equal((ListMyEntries.PageSize, ListMyEntries.PageSize + 3, 2), (first.Items.Count, first.Paging.Total, first.Paging.PageCount));
        Assert.Equal(ids.Take(ListMyEntries.PageSize), first.Items.Select(m => m.Summary.Id));
        Assert.Equal(ids.Skip(ListMyEntries.PageSize), (await Send(new ListMyEntries(2), author)).Items.Select(m => m.Summary.Id));
        var page = (await (await SignInAsync(author)).Get("/Entries/Mine?p=2")).Document;
        Assert.Equal(3, page.QuerySelectorAll(".entry-list > li").Length);
        Assert.NotNull(page.QuerySelector(".pager"));
    }

    [Fact]
    public async Task A_theme_lists_its_entries_whether_it_is_rare_or_common()
    {
        var (archives, buildings) = (await Given.ATheme("Archives"), await Given.ATheme("Bâtiments"));
        var older = await Given.AnEntry(themes: [archives], createdAt: Clock.UtcNow.AddDays(-2));
        var both = await Given.AnEntry(themes: [buildings, archives], createdAt: Clock.UtcNow.AddDays(-1));
        await Given.AnEntry(themes: [buildings]);
        await Given.AnEntry(themes: [archives], status: EntryStatus.Hidden);
        Assert.Equal([both, older], (await Send(new ListEntries(ThemeId: archives.Id, Sort: EntrySort.Newest), await Given.AnAgent())).Items.Select(e => e.Id));
        // Both ways round give the same entries: from the theme's rows (rare), and along the list's order (common).
        foreach (var rareBelow in new[] { 0, EntryFilters.RareThemeBelow })
        {
            var ids = await WithDb(async db => await (await db.Entries.Where(EntryRules.Listed)
                .FilterAsync(db, null, archives.Id, null, null, CancellationToken.None, rareBelow)).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
            Assert.Equal([older, both], ids);
        }
    }
}
