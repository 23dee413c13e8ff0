namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// How many SQL commands each main page sends, before and after the data grows: a page whose count grows
/// with the number of entries, comments, votes, notifications or projects has an N+1 (a query per row).
/// Counts, never timings: the benchmark measures time.
/// </summary>
[Collection(Pages.Name)]
public sealed class CommandCountTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task No_page_sends_more_commands_when_the_data_grows()
    {
        var unit = await Given.AUnit("Service des achats");
        var theme = await Given.ATheme("Achats");
        var leader = await Given.AUser([Roles.Leadership], unit);
        var moderator = await Given.AModerator();
        var (_, _, operational) = await Given.APlanBranch();
        var project = await Given.AProject(operational);
        var popular = await Given.AnEntry(title: "Les bons de commande circulent sur papier", unit: unit, themes: [theme], author: leader);

        async Task Grow(int times)
        {
            for (var i = 0; i < times; i++)
            {
                var agent = await Given.AnAgent(unit);
                var entry = await Given.AnEntry(EntryKind.Idea, EntryStatus.Accepted, author: agent, unit: unit, themes: [theme], title: $"Une idée pour les achats {Guid.NewGuid():N}");
                await Given.Votes(popular, agent);
                await Given.Votes(entry, agent);
                await Given.AComment(popular, agent, $"Commentaire {i}");
                await Given.Carries(project, entry);
                await Given.AProject(operational, title: $"Projet {Guid.NewGuid():N}");
            }
        }

        async Task<Dictionary<string, int>> Measure()
        {
            var client = await SignInAsync(leader);
            var moderating = await SignInAsync(moderator);
            var pages = new (string Name, AppClient Client, string Url)[]
            {
                ("privacy, signed in", client, "/Privacy"), ("home", client, "/"), ("list", client, "/Entries"), ("list, newest", client, "/Entries?sort=Newest"),
                ("list, theme", client, $"/Entries?theme={theme.Id}"), ("search", client, "/Entries?q=achats"), ("entry", client, $"/Entries/{popular}"),
                ("my entries", client, "/Entries/Mine"), ("plan", client, "/Plan"), ("project", client, $"/Plan/Projects/{project}"),
                ("notifications", client, "/Notifications"), ("settings", client, "/Settings"), ("dashboard", client, "/Dashboard"),
                ("triage", moderating, "/Moderation"), ("moderation log", moderating, "/Moderation/Log"),
            };
            var counts = new Dictionary<string, int>();
            foreach (var (name, who, url) in pages)
            {
                await who.Get(url); // first visit: caches of the node filled
                counts[name] = await App.Commands.CountAsync(async () =>
                {
                    var (response, _) = await who.Get(url);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                });
            }
            return counts;
        }

        await Grow(1);
        var small = await Measure();
        await Grow(5);
        var large = await Measure();

        var grown = small.Keys.Where(k => large[k] > small[k]).Select(k => $"{k}: {small[k]} → {large[k]}").ToList();
        Assert.True(grown.Count == 0, "Commands per request grew with the data: " + string.Join("; ", grown)
            + Environment.NewLine + "All: " + string.Join(", ", large.Select(kv => $"{kv.Key} {kv.Value}")));
        // What every signed-in page pays before doing anything: the session's check and the bell.
        Assert.True(large["privacy, signed in"] <= 2, $"The signed-in privacy page sends {large["privacy, signed in"]} commands.");
    }
}
