using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Comments;

[Collection(Slices.Name)]
public sealed class CommentPagingSliceTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_long_discussion_is_paged_by_thread_and_hidden_threads_do_not_count_for_agents()
    {
        var id = await Given.AnEntry();
        var commenter = await Given.AnAgent();
        var comments = new List<int>();
        for (var i = 1; i <= 60; i++) comments.Add(await Given.AComment(id, commenter, $"Commentaire {i}"));
        // Fifteen threads hidden without a reply: gone for agents, still there for moderators.
        var hidden = comments.Take(15).ToList();
        await WithDb(db => db.Comments.Where(c => hidden.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, Clock.GetUtcNow().UtcDateTime).SetProperty(c => c.HiddenReason, "Hors sujet")));
        var agent = await Given.AnAgent();
        var moderator = await Given.AModerator();

        var seen = await Send(new GetEntry(id), agent);
        Assert.Equal((1, 45), (seen.CommentPaging!.PageCount, seen.Comments.Count));
        var firstPage = await Send(new GetEntry(id), moderator);
        Assert.Equal((2, 50), (firstPage.CommentPaging!.PageCount, firstPage.Comments.Count));
        Assert.Equal(comments.Take(50), firstPage.Comments.Select(c => c.Id));
        var secondPage = await Send(new GetEntry(id, CommentPage: 2), moderator);
        Assert.Equal(comments.Skip(50), secondPage.Comments.Select(c => c.Id));

        // A link to a comment opens the page that holds it, for a reply its thread's page.
        var reply = await Given.AComment(id, commenter, "Une réponse", parentId: comments[55]);
        var atReply = await Send(new GetEntry(id, AtComment: reply), moderator);
        Assert.Equal(2, atReply.CommentPaging!.Page);
        Assert.Equal("Une réponse", Text(Assert.Single(Assert.Single(atReply.Comments, c => c.Id == comments[55]).Replies).BodyHtml));
        // A page past the end shows the last one.
        Assert.Equal(2, (await Send(new GetEntry(id, CommentPage: 9), moderator)).CommentPaging!.Page);
    }

    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "").Trim();
}

[Collection(Pages.Name)]
public sealed class CommentPagingPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_popular_discussion_shows_fifty_threads_a_page_and_a_new_comment_lands_where_it_shows()
    {
        var id = await Given.AnEntry();
        var commenter = await Given.AnAgent();
        var comments = new List<int>();
        for (var i = 1; i <= 120; i++) comments.Add(await Given.AComment(id, commenter, $"Commentaire {i}"));
        var reader = await SignInAsync(await Given.AnAgent());
        var url = $"/Entries/{id}";

        var (_, first) = await reader.Get(url);
        Assert.Equal("120 commentaires", first.QuerySelector("#comments-title")!.TextContent);
        Assert.Equal(50, first.QuerySelectorAll(".comment-list > li").Length);
        Assert.Equal("Commentaire 1", first.QuerySelector(".comment-list .comment-body")!.TextContent.Trim());
        Assert.Equal("Page 1 sur 3", first.QuerySelector("nav.pager span")!.TextContent);
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/Entries/{id}?p=2#comments-title", next);

        var (_, second) = await reader.Get(next);
        Assert.Equal("Commentaire 51", second.QuerySelector(".comment-list .comment-body")!.TextContent.Trim());
        Assert.Equal("Page 2 sur 3", second.QuerySelector("nav.pager span")!.TextContent);

        // A new comment joins the end of the discussion: the redirect opens its page, at the comment.
        var posted = await reader.PostForm(url, "form.comment-form", new() { ["Comment.Body"] = "Le dernier mot" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var newId = await WithDb(db => db.Comments.Where(c => c.EntryId == id).MaxAsync(c => c.Id));
        Assert.Equal($"/Entries/{id}?comment={newId}#comment-{newId}", posted.Headers.Location!.OriginalString);
        var (_, landed) = await reader.Get(posted.Headers.Location.OriginalString);
        Assert.Equal("Le dernier mot", landed.QuerySelector($"#comment-{newId} .comment-body")!.TextContent.Trim());
        Assert.Equal("Page 3 sur 3", landed.QuerySelector("nav.pager span")!.TextContent);

        // An empty reply to a thread of page 2 comes back on page 2, with the message next to that reply's field.
        var target = comments[60];
        var response = await reader.PostForm($"{url}?p=2", $"form:has(input[name='Comment.ParentId'][value='{target}'])", new() { ["Comment.Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await AppClient.Html(response);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(page, $"reply-{target}-error"));
        Assert.Equal(121, await WithDb(db => db.Comments.CountAsync(c => c.EntryId == id)));
    }
}
