using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Reports;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class ReportTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task Three_people_reporting_an_entry_hide_it_until_a_moderator_dismisses_the_reports_and_every_reporter_learns_it()
    {
        var author = await Given.AnAgent();
        var entry = await Given.AnEntry(author: author, title: "Le chef de service X est incompétent");
        var reporters = new[] { await Given.AnAgent(), await Given.AnAgent(), await Given.AnAgent() };

        await Send(new ReportContent(entry, null, ReportReason.PersonalData, null), reporters[0]);
        Assert.Equal("Report.Already", (await Assert.ThrowsAsync<ConflictException>(() => Send(new ReportContent(entry, null, ReportReason.Spam, null), reporters[0]))).MessageKey);
        Assert.Equal("Report.Own", (await Assert.ThrowsAsync<ConflictException>(() => Send(new ReportContent(entry, null, ReportReason.Spam, null), author))).MessageKey);
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new ReportContent(entry, null, ReportReason.Other, " "), reporters[1]));
        Assert.Equal("Details", Assert.Single(invalid.Errors).Field);
        await Send(new ReportContent(entry, null, ReportReason.Insulting, null), reporters[1]);
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(entry)).Status);

        await Send(new ReportContent(entry, null, ReportReason.Insulting, "Nomme une personne."), reporters[2]);
        var hidden = await EntryAsync(entry);
        Assert.Equal((EntryStatus.Hidden, ReportContent.AutomaticReason), (hidden.Status, hidden.StatusReason));
        Assert.Null(Assert.Single(await AuditAsync(entry), a => a.Action == AuditAction.Hide).ActorId);
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new GetEntry(entry), reporters[0]));

        var moderator = await Given.AModerator();
        var queued = Assert.Single(await Send(new GetReportQueue(), moderator));
        Assert.Equal((entry, 3, true), (queued.EntryId, queued.Reporters, queued.IsHidden));
        Assert.Equal((ReportReason.Insulting, 2), queued.Reasons[0]);

        await Send(new ResolveReports(entry, null, ReportOutcome.Dismissed, "Critique du fonctionnement, sans attaque personnelle."), moderator);
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(entry)).Status);
        Assert.Empty(await Send(new GetReportQueue(), moderator));
        var told = await NotificationsAsync(entry, NotificationKind.ReportHandled);
        Assert.Equal(reporters.Select(r => r.Id).Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal("Dismissed", n.Detail));
        Assert.Contains(await AuditAsync(entry), a => a.Action == AuditAction.ReportsDismissed && a.ActorId == moderator.Id);
        // A second decision on the same reports is a conflict: nothing is pending.
        await Assert.ThrowsAsync<ConflictException>(() => Send(new ResolveReports(entry, null, ReportOutcome.Upheld, "Finalement non."), moderator));
    }

    [Fact]
    public async Task Reports_on_a_comment_upheld_by_a_moderator_hide_it_with_the_reason_told_to_its_author()
    {
        App.Options<ReportOptions>().HideThreshold = 10;
        var entry = await Given.AnEntry();
        var commenter = await Given.AnAgent();
        var comment = await Send(new AddComment(entry, null, "Propos déplacés."), commenter);
        var reporter = await Given.AnAgent();
        await Send(new ReportContent(entry, comment, ReportReason.Insulting, null), reporter);
        Assert.Null((await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment))).HiddenAt);

        await Send(new ResolveReports(entry, comment, ReportOutcome.Upheld, "Irrespectueux."), await Given.AModerator());

        var hidden = await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment));
        Assert.Equal("Irrespectueux.", hidden.HiddenReason);
        Assert.Equal("Irrespectueux.", Assert.Single(await NotificationsAsync(entry, NotificationKind.CommentHidden)).Reason);
        Assert.Equal("Upheld", Assert.Single(await NotificationsAsync(entry, NotificationKind.ReportHandled)).Detail);
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new ResolveReports(entry, comment, ReportOutcome.Dismissed, "Non"), reporter));
    }
}

[Collection(Pages.Name)]
public sealed class ReportPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_agent_reports_a_comment_from_its_link_and_a_moderator_decides_from_the_queue()
    {
        var entry = await Given.AnEntry();
        var comment = await Given.AComment(entry, await Given.AnAgent(), "Propos déplacés.");
        var agent = await SignInAsync(await Given.AnAgent());
        var (_, page) = await agent.Get($"/Entries/{entry}");
        var link = page.QuerySelector($"#comment-{comment} a[href*=Report]")!.GetAttribute("href")!;

        var empty = await agent.PostForm(link, "main form", new());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Choisissez une raison.", AppClient.FieldError(await AppClient.Html(empty), "reason-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostForm(link, "main form", new() { ["Reason"] = "Insulting" })).StatusCode);
        Assert.Equal(1, await WithDb(db => db.Reports.CountAsync(r => r.CommentId == comment)));

        var moderator = await SignInAsync(await Given.AModerator());
        var (_, queue) = await moderator.Get("/Moderation/Reports");
        Assert.Contains("Propos déplacés.", queue.QuerySelector(".excerpt")!.TextContent);
        var noReason = await moderator.PostForm("/Moderation/Reports", "main form", new() { ["Decision.Outcome"] = "Upheld" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Indiquez un motif : il sera montré à l'auteur.", AppClient.FieldError(await AppClient.Html(noReason), $"reason-{entry}-{comment}-error"));
        Assert.Equal(HttpStatusCode.Redirect,
            (await moderator.PostForm("/Moderation/Reports", "main form", new() { ["Decision.Outcome"] = "Upheld", ["Decision.Reason"] = "Irrespectueux." })).StatusCode);
        Assert.NotNull((await WithDb(db => db.Comments.SingleAsync(c => c.Id == comment))).HiddenAt);
    }
}
