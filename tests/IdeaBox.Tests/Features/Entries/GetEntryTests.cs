using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Entries;

[Collection(Slices.Name)]
public sealed class GetEntryTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Another_agent_sees_an_anonymous_entry_without_the_name_and_moderators_and_the_author_see_it()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, hideAuthorName: true);

        Assert.Null((await Send(new GetEntry(id), await Given.AnAgent())).AuthorName);
        Assert.Equal(author.DisplayName, (await Send(new GetEntry(id), await Given.AModerator())).AuthorName);
        Assert.Equal(author.DisplayName, (await Send(new GetEntry(id), author)).AuthorName);
    }

    [Fact]
    public async Task A_hidden_entry_is_not_found_by_other_agents_but_its_author_and_moderators_open_it()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, status: EntryStatus.Hidden);
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new GetEntry(id), await Given.AnAgent()));
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new GetEntryRelations(id), await Given.AnAgent()));
        Assert.Equal(EntryStatus.Hidden, (await Send(new GetEntry(id), author)).Status);
        Assert.Equal(EntryStatus.Hidden, (await Send(new GetEntry(id), await Given.AModerator())).Status);
    }

    [Fact]
    public async Task The_page_says_what_the_reader_may_do()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author);
        var voter = await Given.AVoter(id);

        var asAuthor = await Send(new GetEntry(id), author);
        Assert.Equal((true, true, false, true, true, 1), (asAuthor.CanEdit, asAuthor.IsOwnEntry, asAuthor.HasVoted, asAuthor.IsOpenForVotes, asAuthor.IsOpenForComments, asAuthor.VoteCount));
        var asVoter = await Send(new GetEntry(id), voter);
        Assert.Equal((false, false, true), (asVoter.CanEdit, asVoter.IsOwnEntry, asVoter.HasVoted));
    }
}

[Collection(Pages.Name)]
public sealed class EntryPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Other_agents_see_a_hidden_name_as_agent_anonyme_and_moderators_see_the_name()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, title: "Un sujet délicat dans notre service", hideAuthorName: true);

        var (_, asColleague) = await (await SignInAsync(await Given.AnAgent())).Get($"/Entries/{id}");
        Assert.Contains("Par agent anonyme", asColleague.QuerySelector(".entry-facts")!.TextContent);
        Assert.DoesNotContain(author.DisplayName, asColleague.QuerySelector("main")!.TextContent);
        var (_, asModerator) = await (await SignInAsync(await Given.AModerator())).Get($"/Entries/{id}");
        Assert.Contains($"Par {author.DisplayName}", asModerator.QuerySelector(".entry-facts")!.TextContent);
    }

    [Fact]
    public async Task An_unknown_entry_and_an_unknown_page_are_French_404_pages()
    {
        var client = await SignInAsync(await Given.AnAgent());
        var (response, document) = await client.Get("/Entries/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get("/no/such/page")).Response.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_hidden_entry_answers_404_like_a_missing_one()
    {
        var id = await Given.AnEntry(status: EntryStatus.Hidden);
        var (response, _) = await (await SignInAsync(await Given.AnAgent())).Get($"/Entries/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
