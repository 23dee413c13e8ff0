using IdeaBox.Web.Features.Dashboard;

namespace IdeaBox.Tests.Features.Dashboard;

[Collection(Pages.Name)]
public sealed class DashboardPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_dashboard_shows_each_chart_with_a_name_a_summary_and_its_data_and_is_refused_to_agents()
    {
        var unit = await Given.AUnit("Direction générale");
        await Given.Votes(await Given.AnEntry(unit: unit), await Given.AnAgent());
        var (response, page) = await (await SignInAsync(await Given.ALeader())).Get("/Dashboard?period=All");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.True(charts.Length >= 6);
        Assert.All(charts, svg => Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(svg.GetAttribute("aria-labelledby")!)?.TextContent)));
        Assert.Equal(6, page.QuerySelectorAll("section.panel details table").Length);
        Assert.Contains("contributions déposées", page.GetElementById("funnel-caption")!.TextContent);

        var agent = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Dashboard?handler=Export&table=heatmap&format=Csv")).StatusCode);
    }

    [Fact]
    public async Task The_key_figures_sit_above_the_charts_worked_out_by_hand()
    {
        // Four people: one submits, one votes; one of the two entries was reviewed 6 hours after it came in. One axis at 40 %.
        var unit = await Given.AUnit("Administration unique");
        var author = await Given.AnAgent(unit);
        var reviewed = await Given.AnEntry(author: author, unit: unit, createdAt: Clock.UtcNow.AddHours(-10));
        await Given.AnEntry(author: author, unit: unit);
        await WithDb(db => db.Entries.Where(e => e.Id == reviewed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ReviewedAt, Clock.UtcNow.AddHours(-4)).SetProperty(e => e.Status, EntryStatus.UnderReview)));
        await Given.Votes(reviewed, await Given.AnAgent(unit));
        await Given.AnAgent(unit);
        var (_, _, oo) = await Given.APlanBranch();
        await Given.AProject(oo, progress: 40);
        var leader = await Given.AUser([Roles.Leadership], unit);
        var people = await WithDb(db => db.Users.CountAsync());
        Assert.Equal(4, people);

        var (_, page) = await (await SignInAsync(leader)).Get("/Dashboard?period=All");
        Assert.Equal("2", page.QuerySelector("#figure-entries strong")!.TextContent);
        Assert.Equal("50 %", page.QuerySelector("#figure-participation strong")!.TextContent.Replace('\u00A0', ' ').Replace('\u202F', ' '));
        Assert.Equal("6 h", page.QuerySelector("#figure-review strong")!.TextContent.Replace('\u00A0', ' '));
        Assert.Equal("40 %", page.QuerySelector("#figure-plan strong")!.TextContent.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public async Task A_dashboard_table_round_trips_through_csv_with_the_counts_worked_out_by_hand()
    {
        var (north, south) = (await Given.AUnit("Nord"), await Given.AUnit("Sud"));
        var (mobility, health) = (await Given.ATheme("Mobilité"), await Given.ATheme("Santé"));
        var both = await Given.AnEntry(unit: north, themes: [mobility, health]);
        await Given.AnEntry(unit: north, themes: [mobility]);
        await Given.AnEntry(unit: south, themes: [health]);
        await Given.Votes(both, await Given.AnAgent(south), await Given.AnAgent(south));
        var leader = await SignInAsync(await Given.ALeader());
        // Every count as it is: small counts are hidden by default (the next test).
        App.Options<DashboardOptions>().SmallCountThreshold = 1;

        var rows = await Downloads.Csv(await leader.Http.GetAsync("/Dashboard?handler=Export&table=heatmap&format=Csv&period=All"));
        // Rows: the top-level units by name (the leader's default unit among them, with nothing in it).
        Assert.Equal(["Service", "Thème", "Contributions", "Votes"], rows[0]);
        Assert.Contains(["Nord", "Mobilité", "2", "2"], rows);
        Assert.Contains(["Nord", "Santé", "1", "2"], rows);
        Assert.Contains(["Sud", "Mobilité", "0", "0"], rows);
        Assert.Contains(["Sud", "Santé", "1", "0"], rows);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.GetAsync("/Dashboard?handler=Export&table=secrets&format=Csv")).StatusCode);
    }

    [Fact]
    public async Task Counts_by_unit_below_the_threshold_are_written_as_such_on_the_page_and_in_the_exports()
    {
        var small = await Given.AUnit("Cellule juridique");
        var theme = await Given.ATheme("Mobilité");
        var lawyer = await Given.AnAgent(small);
        await Given.AnAgent(small);
        await Given.AnEntry(unit: small, author: lawyer, themes: [theme]);
        var leader = await SignInAsync(await Given.ALeader());

        var (_, page) = await leader.Get("/Dashboard?period=All");
        var row = page.QuerySelectorAll("section.panel details table tr").Single(r => r.QuerySelector("th")?.TextContent == "Cellule juridique"
            && r.Closest("table")!.QuerySelector("caption")!.TextContent == "Participation");
        // Two people, one of whom submitted: neither figure nor the share (50 %) is written.
        Assert.Equal(["< 5", "—", "—", "—", "—"], row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.DoesNotContain("(1/2)", page.QuerySelector("#participation-title")!.ParentElement!.TextContent);
        Assert.Contains("< 5", page.QuerySelector("#heat-title")!.ParentElement!.QuerySelector("svg")!.TextContent);

        var participation = await Downloads.Csv(await leader.Http.GetAsync("/Dashboard?handler=Export&table=participation&format=Csv&period=All"));
        Assert.Contains(["Cellule juridique", "< 5", "< 5", "0", "0", "< 5", "—"], participation);
        var heat = await Downloads.Csv(await leader.Http.GetAsync("/Dashboard?handler=Export&table=heatmap&format=Csv&period=All"));
        Assert.Contains(["Cellule juridique", "Mobilité", "< 5", "0"], heat);
    }
}
