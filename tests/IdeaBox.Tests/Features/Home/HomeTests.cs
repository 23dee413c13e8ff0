using IdeaBox.Web.Features.Home;

namespace IdeaBox.Tests.Features.Home;

[Collection(Slices.Name)]
public sealed class HomeTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_home_page_tells_what_moves_and_the_reader_s_own_news()
    {
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo, "Guichet unique", ProjectStatus.Done);
        var success = await Given.AnEntry(EntryKind.Initiative, EntryStatus.Done, title: "Un guichet pour tous");
        await Given.Carries(project, success);
        await Given.AnEntry(EntryKind.Initiative, EntryStatus.Hidden, title: "Masquée");
        var busy = await Given.AnEntry(title: "Files d'attente");
        var quiet = await Given.AnEntry(title: "Parkings");
        await Given.Votes(busy, await Given.AnAgent(), await Given.AnAgent());
        await Given.Votes(quiet, await Given.AnAgent());
        var idea = await Given.AnEntry(EntryKind.Idea, EntryStatus.Accepted, title: "Rendez-vous en ligne");
        await Given.Answers(idea, busy);
        var reader = await Given.AnAgent();
        var mine = await Given.AnEntry(EntryKind.Idea, author: reader, title: "Mon idée");
        await Given.Votes(mine, await Given.AnAgent());

        var home = await Send(new GetHome(), reader);

        Assert.Equal(["Un guichet pour tous"], home.News.Successes.Select(s => s.Entry.Title));
        Assert.Equal(project, Assert.Single(home.News.Successes[0].Projects).Id);
        Assert.Equal([(busy, 2), (quiet, 1)], home.News.TopDifficulties.Select(t => (t.Difficulty.Id, t.VotesThisMonth)));
        Assert.Equal((idea, busy), (home.News.AnswerOfTheWeek!.Answer.Id, home.News.AnswerOfTheWeek.Difficulty.Id));
        Assert.Equal(["Mon idée"], home.MyEntries.Select(e => e.Title));
        Assert.Single(home.News.Axes);
        // Votes older than a month do not count for this month; answers older than a week are not this week's.
        Clock.Advance(TimeSpan.FromDays(31));
        var later = await Send(new GetHome(), reader);
        Assert.Empty(later.News.TopDifficulties);
        Assert.Null(later.News.AnswerOfTheWeek);
    }
}

[Collection(Pages.Name)]
public sealed class HomePageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Signing_in_lands_on_a_home_page_that_greets_the_agent_instead_of_the_list()
    {
        var agent = await Given.AUser([], culture: null);
        var (response, page) = await (await SignInAsync(agent)).Get("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Bonjour ", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Réussites récentes", "Les difficultés les plus soutenues ce mois-ci", "La réponse de la semaine", "Le plan avance",
            "Mes contributions", "Mes notifications non lues"], page.QuerySelectorAll(".home-grid h2").Select(h => h.TextContent));
    }
}
