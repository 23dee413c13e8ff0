using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace IdeaBox.Tests.Http;

/// <summary>Downloads parsed back and compared with what the database holds.</summary>
public sealed class ExportTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static async Task<List<string[]>> ReadCsv(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])),
            new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    [Fact]
    public async Task The_filtered_entry_list_round_trips_through_csv()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var rows = await ReadCsv(await client.Http.GetAsync("/Entries?handler=Export&format=Csv&kind=Difficulty&sort=MostVotes"));
        Assert.Equal(["Numéro", "Type", "Titre", "Statut", "Service concerné", "Thèmes", "Origine", "Votes", "Commentaires", "Déposée le", "Lien"], rows[0]);

        var expected = await app.WithDb(db => db.Entries.Where(e => e.Kind == EntryKind.Difficulty && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged)
            .OrderByDescending(e => e.VoteCount).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.VoteCount, Unit = e.Unit!.Name, Themes = e.Themes.Select(t => t.Name).ToList() }).ToListAsync());
        Assert.Equal(expected.Count, rows.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = rows[i + 1];
            Assert.Equal((expected[i].Id.ToString(), "Difficulté", expected[i].Title, expected[i].Unit, expected[i].VoteCount.ToString()),
                (row[0], row[1], row[2], row[4], row[7]));
            Assert.Equal(string.Join(" | ", expected[i].Themes.Order()), row[5]);
            Assert.EndsWith($"/Entries/{expected[i].Id}", row[10]);
        }
    }

    [Fact]
    public async Task The_plan_export_lists_each_project_with_its_entries_and_votes()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var rows = await ReadCsv(await client.Http.GetAsync("/Plan?handler=Export&format=Csv"));
        var links = await app.WithDb(db => db.ProjectEntries.Join(db.Entries, pe => pe.EntryId, e => e.Id, (pe, e) => new { pe.ProjectId, e.Id, e.VoteCount, e.Status })
            .Where(x => x.Status != EntryStatus.Hidden && x.Status != EntryStatus.Merged).ToListAsync());
        var projects = await app.WithDb(db => db.PlanNodes.CountAsync(n => n.Level == PlanLevel.Project));
        var withEntries = links.Select(l => l.ProjectId).Distinct().Count();
        Assert.Equal(links.Count + (projects - withEntries), rows.Count - 1);
        foreach (var link in links)
            Assert.Contains(rows, r => r[9] == link.Id.ToString() && r[12] == link.VoteCount.ToString());
        Assert.All(rows.Skip(1), r => Assert.StartsWith("P", r[0]));
    }

    [Fact]
    public async Task The_excel_export_holds_the_same_rows()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var response = await client.Http.GetAsync("/Entries?handler=Export&format=Xlsx&kind=Idea");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var ideas = await app.WithDb(db => db.Entries.CountAsync(e => e.Kind == EntryKind.Idea && e.Status != EntryStatus.Hidden && e.Status != EntryStatus.Merged));
        Assert.Equal(ideas, rows.Count);
        Assert.All(rows, r => Assert.Equal("Idée", r["Type"]));
    }

    [Fact]
    public async Task A_dashboard_table_round_trips_and_matches_its_query()
    {
        var client = await AppClient.SignedIn(app, "direction@ideabox.demo");
        var rows = await ReadCsv(await client.Http.GetAsync("/Dashboard?handler=Export&table=heatmap&format=Csv&period=All"));
        Assert.Equal(["Service", "Thème", "Contributions", "Votes"], rows[0]);
        var map = await app.Send(new GetHeatMap(DashboardPeriod.All, null), new FakeUser(1, Roles.Leadership));
        Assert.Equal(map.Rows.Count * map.Themes.Count, rows.Count - 1);
        for (var r = 0; r < map.Rows.Count; r++)
        for (var c = 0; c < map.Themes.Count; c++)
        {
            var row = rows[1 + r * map.Themes.Count + c];
            Assert.Equal((map.Rows[r].Name, map.Themes[c], map.Cells[r][c].Entries.ToString(), map.Cells[r][c].Votes.ToString()), (row[0], row[1], row[2], row[3]));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/Dashboard?handler=Export&table=secrets&format=Csv")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_shows_each_chart_with_a_name_a_summary_and_its_data_and_is_refused_to_agents()
    {
        var leader = await AppClient.SignedIn(app, "direction@ideabox.demo");
        var (response, page) = await leader.Get("/Dashboard?period=All");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.True(charts.Length >= 6);
        Assert.All(charts, svg => Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(svg.GetAttribute("aria-labelledby")!)?.TextContent)));
        Assert.Equal(6, page.QuerySelectorAll("section.panel details table").Length);
        Assert.Contains("contributions déposées", page.GetElementById("funnel-caption")!.TextContent);

        var agent = await AppClient.SignedIn(app, TestApp.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Dashboard?handler=Export&table=heatmap&format=Csv")).StatusCode);
    }
}
