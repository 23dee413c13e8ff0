using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Tests.Features.Plan;

/// <summary>The plan in the mirror of the difficulties, against a data set worked out by hand.</summary>
[Collection(Slices.Name)]
public sealed class MirrorTests(AppFixture app) : AppTest(app)
{
    private sealed record World(int D1, int D2, int D3, int D4, int Project, int Objective, int Idea, OrgUnit North, OrgUnit South, Theme Mobility);

    /// <summary>
    /// D1 (9 votes) carried by a project; D2 (7) answered by an idea an operational objective carries;
    /// D3 (5) answered by an idea that is not in the plan; D4 (3, in the south, on mobility) answered by nothing.
    /// Left out: a declined difficulty (20), a hidden one (15), an idea (30), a difficulty from two years ago (12).
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var (north, south) = (await Given.AUnit("Nord"), await Given.AUnit("Sud"));
        var mobility = await Given.ATheme("Mobilité");
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Guichet unique", progress: 40);

        async Task<int> Difficulty(string title, int votes, EntryStatus status = EntryStatus.Accepted, OrgUnit? unit = null,
            Theme? theme = null, DateTime? createdAt = null)
        {
            var id = await Given.AnEntry(EntryKind.Difficulty, status, title: title, unit: unit ?? north,
                themes: theme is null ? null : [theme], createdAt: createdAt);
            await Given.Supported(id, votes);
            return id;
        }

        var d1 = await Difficulty("D1 files d'attente", 9, EntryStatus.InPlan);
        await Given.Carries(project, d1);
        var d2 = await Difficulty("D2 formulaires papier", 7);
        var idea = await Given.AnEntry(EntryKind.Idea, EntryStatus.InPlan, title: "Formulaires en ligne");
        await Given.Answers(idea, d2);
        await Given.Carries(oo, idea);
        var d3 = await Difficulty("D3 badges", 5);
        await Given.Answers(await Given.AnEntry(EntryKind.Idea, EntryStatus.Accepted, title: "Badge unique"), d3);
        var d4 = await Difficulty("D4 parkings", 3, unit: south, theme: mobility);
        await Difficulty("Refusée", 20, EntryStatus.Declined);
        await Difficulty("Masquée", 15, EntryStatus.Hidden);
        await Given.Supported(await Given.AnEntry(EntryKind.Idea, title: "Une idée très soutenue"), 30);
        await Difficulty("Ancienne", 12, createdAt: Clock.GetUtcNow().UtcDateTime.AddYears(-2));
        return new World(d1, d2, d3, d4, project, oo, idea, north, south, mobility);
    }

    [Fact]
    public async Task The_most_supported_difficulties_of_the_period_stand_beside_their_answer_in_the_plan()
    {
        var world = await WorldAsync();
        var agent = await Given.AnAgent();

        var mirror = await Send(new GetMirror(DashboardPeriod.Months12), agent);

        Assert.Equal([world.D1, world.D2, world.D3, world.D4], mirror.Rows.Select(r => r.Difficulty.Id));
        Assert.Equal([true, true, false, false], mirror.Rows.Select(r => r.IsAnswered));
        Assert.Equal(2, mirror.Answered);
        Assert.Equal([world.D3, world.D4], mirror.Unanswered.Select(r => r.Difficulty.Id));
        // D2's answer is the objective, through the idea; D1's is the project itself.
        var viaIdea = Assert.Single(mirror.Rows[1].Links);
        Assert.Equal((world.Objective, PlanLevel.OperationalObjective), (viaIdea.Node.Id, viaIdea.Node.Level));
        Assert.Equal([world.Idea], viaIdea.Via.Select(v => v.Id));
        Assert.Equal(2, viaIdea.Path.Count);
        Assert.Equal(world.Project, Assert.Single(mirror.Rows[0].Links).Node.Id);
        Assert.Equal(["Badge unique"], mirror.Rows[2].Answers.Select(a => a.Title));

        // The top two, the south alone, mobility alone, and all time (the old one comes in, third).
        Assert.Equal(2, (await Send(new GetMirror(DashboardPeriod.Months12, Top: 2), agent)).Answered);
        Assert.Equal([world.D4], (await Send(new GetMirror(DashboardPeriod.Months12, UnitId: world.South.Id), agent)).Rows.Select(r => r.Difficulty.Id));
        Assert.Equal([world.D4], (await Send(new GetMirror(DashboardPeriod.Months12, ThemeId: world.Mobility.Id), agent)).Rows.Select(r => r.Difficulty.Id));
        Assert.Equal(5, (await Send(new GetMirror(DashboardPeriod.All), agent)).Rows.Count);
    }

    [Fact]
    public async Task A_difficulty_s_page_shows_its_answer_chain_and_the_dashboard_the_same_coverage()
    {
        var world = await WorldAsync();
        var chain = await Send(new GetAnswerChain(world.D2), await Given.AnAgent());
        Assert.Equal(["Formulaires en ligne"], chain.Answers.Select(a => a.Title));
        Assert.Equal(world.Objective, Assert.Single(chain.Links).Node.Id);
        Assert.False((await Send(new GetAnswerChain(world.D4), await Given.AnAgent())).IsAnswered);

        var dashboard = await Send(new GetDashboard(DashboardPeriod.Months12, null), await Given.ALeader());
        Assert.Equal((2, 4), (dashboard.Mirror.Answered, dashboard.Mirror.Rows.Count));
    }

    [Fact]
    public async Task An_entry_can_be_put_under_an_objective_of_the_plan_not_only_a_project()
    {
        var (_, strategic, _) = await Given.APlanBranch();
        var idea = await Given.AnEntry(EntryKind.Idea, EntryStatus.Accepted);
        var moderator = await Given.AModerator();

        Assert.Equal(strategic, await Send(new PromoteEntry(idea, strategic, null, null), moderator));

        Assert.Equal(EntryStatus.InPlan, (await EntryAsync(idea)).Status);
        var link = Assert.Single((await Send(new GetAnswerChain(idea), moderator)).Links);
        Assert.Equal((strategic, PlanLevel.StrategicObjective), (link.Node.Id, link.Node.Level));
        Assert.Contains(await AuditAsync(idea), a => a.Action == AuditAction.Promote && a.ProjectId == strategic);
        var tree = await Send(new GetPlan(), moderator);
        Assert.Equal([idea], tree.Find(strategic)!.Entries.Select(e => e.Id));
    }
}

[Collection(Pages.Name)]
public sealed class MirrorPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Everyone_reads_the_mirror_with_its_coverage_and_only_those_who_export_download_it()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Guichet unique");
        var answered = await Given.AnEntry(EntryKind.Difficulty, EntryStatus.InPlan, title: "Files d'attente au guichet");
        await Given.Carries(project, answered);
        await Given.Supported(answered, 4);
        var alone = await Given.AnEntry(EntryKind.Difficulty, title: "Parkings saturés");

        var agent = await SignInAsync(await Given.AnAgent());
        var (response, page) = await agent.Get("/Mirror");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1 des 2 difficultés les plus soutenues ont une réponse dans le plan.", page.GetElementById("coverage")!.TextContent);
        var unanswered = Assert.Single(page.QuerySelectorAll("tr.unanswered"));
        Assert.Contains("Parkings saturés", unanswered.TextContent);
        Assert.Contains("Aucune réponse dans le plan", unanswered.TextContent);
        Assert.Contains("Guichet unique", page.QuerySelector("tr.answered")!.TextContent);
        Assert.Null(page.QuerySelector("a[href*=Export]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Mirror?handler=Export&format=Csv")).StatusCode);

        var (_, difficulty) = await agent.Get($"/Entries/{alone}");
        Assert.Equal("Rien dans le plan ne répond encore à cette difficulté.", difficulty.QuerySelector(".mirror .banner")!.TextContent);

        var rows = await Downloads.Csv(await (await SignInAsync(await Given.ALeader())).Http.GetAsync("/Mirror?handler=Export&format=Csv&period=All"));
        Assert.Equal(["1", answered.ToString(System.Globalization.CultureInfo.InvariantCulture), "Files d'attente au guichet"], rows[1][..3]);
        Assert.Equal("Oui", rows[1][6]);
        Assert.Equal("Non", rows[2][6]);
    }
}
