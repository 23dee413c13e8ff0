using IdeaBox.Web.Features.Comments;

namespace IdeaBox.Tests.Features.Comments;

[Collection(Slices.Name)]
public sealed class EditCommentTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Authors_edit_their_comment_for_fifteen_minutes_and_nobody_else_can()
    {
        var id = await Given.AnEntry();
        var author = await Given.AnAgent();
        var comment = await Send(new AddComment(id, null, "Premier jet"), author);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new EditComment(comment, "Piraté"), await Given.AnAgent()));
        Clock.Advance(TimeSpan.FromMinutes(15));
        await Send(new EditComment(comment, "Version *corrigée*"), author);
        var saved = await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment));
        Assert.Equal(("Version *corrigée*", Clock.UtcNow), (saved.Body, saved.EditedAt!.Value));
        Assert.Contains("<em>corrigée</em>", saved.BodyHtml);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new EditComment(comment, "Trop tard"), author));
        Assert.Equal("Version *corrigée*", await WithDb(db => db.Comments.Where(c => c.Id == comment).Select(c => c.Body).SingleAsync()));
    }
}

[Collection(Pages.Name)]
public sealed class EditCommentPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Editing_someone_elses_comment_is_forbidden_and_changes_nothing()
    {
        var author = await Given.AnAgent();
        var id = await Given.AnEntry();
        var commentId = await Given.AComment(id, author, "Texte original");

        var (_, own) = await (await SignInAsync(author)).Get($"/Comments/{commentId}/Edit");
        Assert.Equal("Texte original", own.QuerySelector("textarea")!.TextContent);

        var intruder = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.Get($"/Comments/{commentId}/Edit")).Response.StatusCode);
        var post = await intruder.PostWithToken($"/Entries/{id}", "form.comment-form", $"/Comments/{commentId}/Edit", [new("Body", "Piraté")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Texte original", await WithDb(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Body).SingleAsync()));
    }
}
