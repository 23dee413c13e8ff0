using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Comments;

public sealed class CommentTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private async Task<int> NewEntry() =>
        await app.Send(new SubmitEntry(new EntryInput(EntryKind.Initiative, "Un wiki pour les procédures", "Depuis un an.", [await app.AnyThemeIdAsync()], null, false)),
            await app.UserAsync(TestApp.Agent));

    [Fact]
    public async Task Comments_and_replies_are_counted_on_the_entry_and_a_reply_to_a_reply_joins_the_thread()
    {
        var id = await NewEntry();
        var other = await app.OtherAgentAsync();
        var root = await app.Send(new AddComment(id, null, "Bravo !"), other);
        var reply = await app.Send(new AddComment(id, root, "Merci"), await app.UserAsync(TestApp.Agent));
        var replyToReply = await app.Send(new AddComment(id, reply, "Avec plaisir"), other);

        var parents = await app.WithDb(db => db.Comments.Where(c => c.EntryId == id).ToDictionaryAsync(c => c.Id, c => c.ParentId));
        Assert.Null(parents[root]);
        Assert.Equal(root, parents[reply]);
        Assert.Equal(root, parents[replyToReply]);
        Assert.Equal(3, await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.CommentCount).SingleAsync()));

        var details = await app.Send(new GetEntry(id), other);
        Assert.Equal(2, Assert.Single(details.Comments).Replies.Count);
    }

    [Fact]
    public async Task A_reply_to_a_comment_of_another_entry_is_not_found()
    {
        var first = await NewEntry();
        var second = await NewEntry();
        var other = await app.OtherAgentAsync();
        var comment = await app.Send(new AddComment(first, null, "Ici"), other);
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new AddComment(second, comment, "Ailleurs"), other));
    }

    [Fact]
    public async Task An_empty_comment_is_refused_and_nothing_is_saved()
    {
        var id = await NewEntry();
        var other = await app.OtherAgentAsync();
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new AddComment(id, null, "   "), other));
        Assert.Equal("Body", Assert.Single(ex.Errors).Field);
        Assert.Equal(0, await app.WithDb(db => db.Comments.CountAsync(c => c.EntryId == id)));
    }

    [Fact]
    public async Task Authors_edit_their_comment_for_fifteen_minutes_and_nobody_else_can()
    {
        var id = await NewEntry();
        var author = await app.OtherAgentAsync();
        var comment = await app.Send(new AddComment(id, null, "Premier jet"), author);

        var intruder = await app.OtherAgentAsync(1);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new EditComment(comment, "Piraté"), intruder));
        await app.Send(new EditComment(comment, "Version *corrigée*"), author);
        var saved = await app.WithDb(db => db.Comments.SingleAsync(c => c.Id == comment));
        Assert.Equal("Version *corrigée*", saved.Body);
        Assert.Contains("<em>corrigée</em>", saved.BodyHtml);
        Assert.NotNull(saved.EditedAt);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new EditComment(comment, "Trop tard"), author));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-16));
        }
        Assert.Equal("Version *corrigée*", await app.WithDb(db => db.Comments.Where(c => c.Id == comment).Select(c => c.Body).SingleAsync()));
    }
}
