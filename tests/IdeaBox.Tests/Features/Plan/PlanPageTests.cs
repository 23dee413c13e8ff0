namespace IdeaBox.Tests.Features.Plan;

[Collection(Pages.Name)]
public sealed class PlanPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Everyone_reads_the_plan_and_its_projects_but_only_moderators_reorder_it()
    {
        var (axis, _, oo) = await Given.APlanBranch();
        var second = await Given.APlanNode(PlanLevel.Axis, null, "Deuxième axe");
        var project = await Given.AProject(oo, "Le courrier numérique");
        var agent = await SignInAsync(await Given.AnAgent());

        var (response, plan) = await agent.Get("/Plan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A1", plan.QuerySelector(".plan-node .code")!.TextContent);
        Assert.Empty(plan.QuerySelectorAll("form[action*=Move]"));
        var (projectResponse, projectPage) = await agent.Get($"/Plan/Projects/{project}");
        Assert.Equal(HttpStatusCode.OK, projectResponse.StatusCode);
        Assert.Equal("P1.1.1.1", projectPage.QuerySelector("h1 .code")!.TextContent);

        var move = await agent.PostWithToken("/Entries/New", "form.entry-form", $"/Plan?handler=Move&id={second}&direction=Up", []);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal([axis, second], await WithDb(db => db.PlanNodes.Where(n => n.ParentId == null).OrderBy(n => n.Position).Select(n => n.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_bad_weight_is_named_next_to_its_field_and_a_decimal_comma_is_read()
    {
        var axis = await Given.APlanNode(PlanLevel.Axis, null, "Axe");
        var moderator = await SignInAsync(await Given.AModerator());

        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostForm("/Plan/Nodes/New?level=Axis", "main form", new() { ["Input.Title"] = "" })).StatusCode);
        var weight = await moderator.PostForm($"/Plan/Nodes/New?level=StrategicObjective&parent={axis}", "main form", new() { ["Input.Title"] = "Nouvel objectif", ["Input.Weight"] = "beaucoup" });
        Assert.Equal(HttpStatusCode.BadRequest, weight.StatusCode);
        Assert.Equal("Le poids est un nombre strictement positif, au plus 100.", AppClient.FieldError(await AppClient.Html(weight), "weight-error"));
        var ok = await moderator.PostForm($"/Plan/Nodes/New?level=StrategicObjective&parent={axis}", "main form", new() { ["Input.Title"] = "Nouvel objectif", ["Input.Weight"] = "1,5" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(1.5, await WithDb(db => db.PlanNodes.Where(n => n.Title == "Nouvel objectif").Select(n => n.Weight).SingleAsync()));
    }

    [Fact]
    public async Task A_node_that_carries_entries_is_not_deleted_and_the_page_says_why()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo);
        await Given.Carries(project, await Given.AnEntry(status: EntryStatus.InPlan));
        var moderator = await SignInAsync(await Given.AModerator());

        var response = await moderator.PostForm($"/Plan/Nodes/{project}/Edit", "form[action*=Delete]", new());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("porte des contributions", (await AppClient.Html(response)).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(1, await WithDb(db => db.PlanNodes.CountAsync(n => n.Id == project)));
    }

    [Fact]
    public async Task The_plan_export_lists_each_project_with_its_entries_and_votes()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var carrying = await Given.AProject(oo, "Projet porteur", ProjectStatus.InProgress, 40);
        await Given.AProject(oo, "Projet sans contribution");
        var (first, second) = (await Given.AnEntry(status: EntryStatus.InPlan, title: "Première"), await Given.AnEntry(status: EntryStatus.InPlan, title: "Seconde"));
        await Given.Votes(first, await Given.AnAgent(), await Given.AnAgent());
        await Given.Carries(carrying, first);
        await Given.Carries(carrying, second);

        var rows = await Downloads.Csv(await (await SignInAsync(await Given.ALeader())).Http.GetAsync("/Plan?handler=Export&format=Csv"));
        Assert.Equal(4, rows.Count);
        Assert.Equal(["P1.1.1.1", "Projet porteur", "En cours", "40", "", "", "", "", "2", first.ToString(), "Première", "Difficulté", "2"], rows[1]);
        Assert.Equal([second.ToString(), "Seconde", "0"], [rows[2][9], rows[2][10], rows[2][12]]);
        Assert.Equal(["P1.1.1.2", "Projet sans contribution", "", ""], [rows[3][0], rows[3][1], rows[3][9], rows[3][10]]);
    }
}
