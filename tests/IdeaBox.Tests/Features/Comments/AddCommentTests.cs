using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Comments;

[Collection(Slices.Name)]
public sealed class AddCommentTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Comments_and_replies_are_counted_and_a_reply_to_a_reply_joins_the_thread()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(EntryKind.Initiative, author: author);
        var other = await Given.AnAgent();
        var root = await Send(new AddComment(id, null, "Bravo !"), other);
        var reply = await Send(new AddComment(id, root, "Merci"), author);
        var replyToReply = await Send(new AddComment(id, reply, "Avec plaisir"), other);

        var parents = await WithDb(db => db.Comments.Where(c => c.EntryId == id).ToDictionaryAsync(c => c.Id, c => c.ParentId));
        Assert.Equal(new Dictionary<int, int?> { [root] = null, [reply] = root, [replyToReply] = root }, parents);
        Assert.Equal(3, (await EntryAsync(id)).CommentCount);
        var thread = Assert.Single((await Send(new GetEntry(id), other)).Comments);
        Assert.Equal(["Merci", "Avec plaisir"], thread.Replies.Select(r => System.Text.RegularExpressions.Regex.Replace(r.BodyHtml, "<[^>]+>", "").Trim()));
    }

    [Fact]
    public async Task A_reply_to_a_comment_of_another_entry_is_not_found()
    {
        var first = await Given.AnEntry();
        var second = await Given.AnEntry();
        var other = await Given.AnAgent();
        var comment = await Send(new AddComment(first, null, "Ici"), other);
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new AddComment(second, comment, "Ailleurs"), other));
    }

    [Fact]
    public async Task An_empty_comment_is_refused_and_nothing_is_saved()
    {
        var id = await Given.AnEntry();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(async () => await Send(new AddComment(id, null, "   "), await Given.AnAgent()));
        Assert.Equal("Body", Assert.Single(ex.Errors).Field);
        Assert.Equal(0, await WithDb(db => db.Comments.CountAsync(c => c.EntryId == id)));
    }

    [Theory]
    [InlineData(EntryStatus.Merged)]
    [InlineData(EntryStatus.Hidden)]
    public async Task Merged_and_hidden_entries_take_no_comment(EntryStatus status)
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(status: status, author: author);
        var ex = await Assert.ThrowsAsync<ConflictException>(() => Send(new AddComment(id, null, "Encore ?"), author));
        Assert.Equal("Comment.Closed", ex.MessageKey);
    }

    [Fact]
    public async Task An_author_who_hid_their_name_stays_anonymous_in_what_their_comment_notifies()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, hideAuthorName: true);
        var commenter = await Given.AnAgent();
        var comment = await Send(new AddComment(id, null, "Une question"), commenter);
        await Send(new AddComment(id, comment, "Une réponse"), author);

        var reply = Assert.Single(await NotificationsAsync(id, NotificationKind.ReplyToYourComment));
        Assert.Equal((commenter.Id, ""), (reply.UserId, reply.Detail));
    }
}

[Collection(Pages.Name)]
public sealed class CommentPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_agent_comments_and_the_author_replies_from_the_entry_page()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author);
        var url = $"/Entries/{id}";
        var reader = await SignInAsync(await Given.AnAgent());

        Assert.Equal(HttpStatusCode.Redirect, (await reader.PostForm(url, "form.comment-form", new() { ["Comment.Body"] = "Même constat *chez nous*." })).StatusCode);
        var authorClient = await SignInAsync(author);
        var (_, commented) = await authorClient.Get(url);
        Assert.Equal("chez nous", commented.QuerySelector(".comment-body em")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await authorClient.PostForm(url, "details.reply form", new() { ["Comment.Body"] = "Merci pour le retour" })).StatusCode);
        var (_, replied) = await authorClient.Get(url);
        Assert.Equal("Merci pour le retour", replied.QuerySelector(".reply-list .comment-body")!.TextContent.Trim());
        Assert.Equal("2 commentaires", replied.QuerySelector("#comments-title")!.TextContent);
    }

    [Fact]
    public async Task An_empty_comment_comes_back_with_a_message_and_nothing_is_saved()
    {
        var id = await Given.AnEntry();
        var response = await (await SignInAsync(await Given.AnAgent())).PostForm($"/Entries/{id}", "form.comment-form", new() { ["Comment.Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(await AppClient.Html(response), "comment-error"));
        Assert.Equal(0, await WithDb(db => db.Comments.CountAsync(c => c.EntryId == id)));
    }
}
