using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;

namespace IdeaBox.Tests.Features.Comments;

[Collection(Slices.Name)]
public sealed class HideCommentTests(AppFixture app) : AppTest(app)
{
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "").Trim();

    [Fact]
    public async Task A_hidden_comment_leaves_the_discussion_the_count_and_the_notifications_and_its_author_is_told_why()
    {
        var entryAuthor = await Given.AnAgent();
        var id = await Given.AnEntry(author: entryAuthor);
        var commenter = await Given.AnAgent();
        var kept = await Send(new AddComment(id, null, "Bonne idée."), commenter);
        var abusive = await Send(new AddComment(id, null, "Propos injurieux."), commenter);
        var moderator = await Given.AModerator();

        await Send(new HideComment(abusive, "Injurieux envers un collègue."), moderator);

        var seen = await Send(new GetEntry(id), entryAuthor);
        Assert.Equal([kept], seen.Comments.Select(c => c.Id));
        Assert.Equal(1, (await EntryAsync(id)).CommentCount);
        // The entry's author was told of two comments; the hidden one's notification is gone, from the list and the bell.
        var page = await Send(new ListNotifications(), entryAuthor);
        Assert.Single(page.Items, n => n.Kind == NotificationKind.CommentOnYourEntry);
        Assert.Equal(1, await Send(new CountUnreadNotifications(), entryAuthor));
        var told = Assert.Single(await NotificationsAsync(id, NotificationKind.CommentHidden));
        Assert.Equal((commenter.Id, "Injurieux envers un collègue."), (told.UserId, told.Reason));
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal((AuditAction.CommentHidden, abusive, moderator.Id), (audit.Action, audit.CommentId!.Value, audit.ActorId!.Value));

        // Moderators still see it, marked, with the reason.
        var forModerator = Assert.Single((await Send(new GetEntry(id), moderator)).Comments, c => c.Id == abusive);
        Assert.Equal((true, "Injurieux envers un collègue.", "Propos injurieux."), (forModerator.IsHidden, forModerator.HiddenReason, Text(forModerator.BodyHtml)));

        await Send(new ShowCommentAgain(abusive), moderator);
        Assert.Equal([kept, abusive], (await Send(new GetEntry(id), entryAuthor)).Comments.Select(c => c.Id));
        Assert.Equal(2, (await EntryAsync(id)).CommentCount);
        Assert.Equal([AuditAction.CommentHidden, AuditAction.CommentShown], (await AuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task A_hidden_comment_with_replies_is_a_bare_mark_and_takes_no_new_reply()
    {
        var id = await Given.AnEntry();
        var commenter = await Given.AnAgent();
        var root = await Send(new AddComment(id, null, "Propos injurieux."), commenter);
        var reader = await Given.AnAgent();
        await Send(new AddComment(id, root, "Je ne suis pas d'accord."), reader);
        await Send(new HideComment(root, "Injurieux."), await Given.AModerator());

        var thread = Assert.Single((await Send(new GetEntry(id), reader)).Comments);
        Assert.Equal((true, null, "", null), (thread.IsHidden, thread.AuthorName, thread.BodyHtml, thread.HiddenReason));
        Assert.Equal(["Je ne suis pas d'accord."], thread.Replies.Select(r => Text(r.BodyHtml)));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new AddComment(id, root, "Et pourtant"), reader));
        // Nor can its author fix it any more.
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new EditComment(root, "Propos corrigés."), commenter));
    }

    [Fact]
    public async Task A_hidden_comment_of_a_merged_duplicate_is_gone_from_the_target_s_page()
    {
        var source = await Given.AnEntry(status: EntryStatus.UnderReview, title: "Doublon");
        var target = await Given.AnEntry(title: "Original");
        var commenter = await Given.AnAgent();
        var hidden = await Send(new AddComment(source, null, "Propos injurieux."), commenter);
        var kept = await Send(new AddComment(source, null, "Même chose chez nous."), commenter);
        var moderator = await Given.AModerator();
        await Send(new MergeEntry(source, target, null), moderator);
        await Send(new HideComment(hidden, "Injurieux."), moderator);

        var merged = Assert.Single((await Send(new GetEntryRelations(target), commenter)).MergedDiscussions);
        Assert.Equal([kept], merged.Comments.Select(c => c.Id));
    }

    [Fact]
    public async Task Hiding_needs_a_reason_and_a_moderator_and_a_second_hiding_is_a_conflict()
    {
        var id = await Given.AnEntry();
        var comment = await Send(new AddComment(id, null, "Un avis."), await Given.AnAgent());
        var moderator = await Given.AModerator();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new HideComment(comment, "  "), moderator));
        Assert.Equal(("Reason", "Validation.ReasonRequired"), (Assert.Single(invalid.Errors).Field, invalid.Errors[0].MessageKey));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new HideComment(comment, "Je n'aime pas."), await Given.AnAgent()));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new HideComment(comment + 10_000, "Injurieux."), moderator));
        Assert.Null((await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment))).HiddenAt);

        await Send(new HideComment(comment, "Injurieux."), moderator);
        var again = await Assert.ThrowsAsync<ConflictException>(() => Send(new HideComment(comment, "Injurieux."), moderator));
        Assert.Equal("Comment.AlreadyHidden", again.MessageKey);
        Assert.Equal(0, (await EntryAsync(id)).CommentCount);
        Assert.Single(await AuditAsync(id));
    }
}

[Collection(Pages.Name)]
public sealed class HideCommentPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_moderator_hides_a_comment_from_the_entry_page_and_agents_no_longer_see_it()
    {
        var id = await Given.AnEntry();
        var commenter = await Given.AnAgent();
        var comment = await Given.AComment(id, commenter, "Propos injurieux envers Paul.");
        var url = $"/Entries/{id}";
        var moderator = await SignInAsync(await Given.AModerator());

        var empty = await moderator.PostForm(url, $"#comment-{comment} form", new() { ["Moderation.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Indiquez un motif : il sera montré à l'auteur.", AppClient.FieldError(await AppClient.Html(empty), $"hide-{comment}-error"));
        Assert.Null((await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment))).HiddenAt);

        Assert.Equal(HttpStatusCode.Redirect,
            (await moderator.PostForm(url, $"#comment-{comment} form", new() { ["Moderation.Reason"] = "Injurieux." })).StatusCode);
        var (_, forModerator) = await moderator.Get(url);
        Assert.Contains("Injurieux.", forModerator.QuerySelector($"#comment-{comment} .banner")!.TextContent);

        var (_, forAgent) = await (await SignInAsync(commenter)).Get(url);
        Assert.Null(forAgent.QuerySelector($"#comment-{comment}"));
        Assert.DoesNotContain("Paul", forAgent.Body!.TextContent);
        Assert.Equal("0 commentaire", forAgent.QuerySelector("#comments-title")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostForm(url, $"#comment-{comment} form", new())).StatusCode);
        var (_, shown) = await (await SignInAsync(commenter)).Get(url);
        Assert.Contains("Paul", shown.QuerySelector($"#comment-{comment} .comment-body")!.TextContent);
    }

    [Fact]
    public async Task An_agent_cannot_hide_a_comment_by_posting_the_form()
    {
        var id = await Given.AnEntry();
        var comment = await Given.AComment(id, await Given.AnAgent());
        var agent = await SignInAsync(await Given.AnAgent());
        var response = await agent.PostWithToken($"/Entries/{id}", "form.comment-form", $"/Entries/{id}?handler=HideComment",
            [new("Moderation.CommentId", comment.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Moderation.Reason", "Je n'aime pas.")]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment))).HiddenAt);
    }
}
