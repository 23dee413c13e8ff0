using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Moderation;

public sealed class ModerationTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    [Fact]
    public async Task Declining_needs_a_reason_and_then_stores_it_audits_it_and_tells_the_author_and_voters()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var author = await app.UserAsync(TestApp.Agent);
        var id = await app.NewEntryAsync();
        var voter = await app.OtherAgentAsync(3);
        await app.VoteAsync(id, voter);
        await app.Send(new ChangeStatus(id, EntryStatus.UnderReview, null), moderator);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new ChangeStatus(id, EntryStatus.Declined, "  "), moderator));
        Assert.Contains(error.Errors, e => e.Field == "Reason" && e.MessageKey == "Validation.ReasonRequired");
        Assert.Equal(EntryStatus.UnderReview, (await app.EntryAsync(id)).Status);

        await app.Send(new ChangeStatus(id, EntryStatus.Declined, "Relève du fédéral."), moderator);
        var entry = await app.EntryAsync(id);
        Assert.Equal(EntryStatus.Declined, entry.Status);
        Assert.Equal("Relève du fédéral.", entry.StatusReason);
        Assert.NotNull(entry.ReviewedAt);

        var audit = await app.AuditAsync(id);
        Assert.Collection(audit,
            a => Assert.Equal((AuditAction.Transition, "Submitted", "UnderReview", moderator.Id), (a.Action, a.From, a.To, a.ActorId)),
            a => Assert.Equal((AuditAction.Transition, "UnderReview", "Declined", "Relève du fédéral."), (a.Action, a.From, a.To, a.Reason)));

        var declined = (await app.NotificationsAsync(id, NotificationKind.StatusChanged)).Where(n => n.Detail == "Declined").ToList();
        Assert.Equal([author.Id, voter.Id], declined.Select(n => n.UserId).Order());
        Assert.All(declined, n => Assert.Equal("Relève du fédéral.", n.Reason));
    }

    [Fact]
    public async Task Hiding_and_showing_again_restores_the_previous_status_with_a_reason_each_time()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var id = await app.NewEntryAsync();
        await app.SetStatusAsync(id, EntryStatus.Accepted);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new ChangeStatus(id, EntryStatus.Hidden, null), moderator));

        await app.Send(new ChangeStatus(id, EntryStatus.Hidden, "Propos injurieux."), moderator);
        Assert.Equal((EntryStatus.Hidden, EntryStatus.Accepted), ((await app.EntryAsync(id)).Status, (await app.EntryAsync(id)).StatusBeforeHidden));
        // Another agent no longer reaches it.
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new GetEntry(id), app.OtherAgentAsync().Result));

        // Showing it again can only restore the status it had.
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new ChangeStatus(id, EntryStatus.Submitted, "Erreur."), moderator));
        await app.Send(new ChangeStatus(id, EntryStatus.Accepted, "Propos reformulés."), moderator);
        Assert.Equal(EntryStatus.Accepted, (await app.EntryAsync(id)).Status);
        Assert.Equal([AuditAction.Hide, AuditAction.Unhide], (await app.AuditAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Take_under_review_moves_the_selected_submitted_entries_only()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var a = await app.NewEntryAsync();
        var b = await app.NewEntryAsync();
        var accepted = await app.NewEntryAsync();
        await app.SetStatusAsync(accepted, EntryStatus.Accepted);

        Assert.Equal(2, await app.Send(new TakeUnderReview([a, b, accepted, a]), moderator));
        Assert.Equal(EntryStatus.UnderReview, (await app.EntryAsync(a)).Status);
        Assert.Equal(EntryStatus.UnderReview, (await app.EntryAsync(b)).Status);
        Assert.Equal(EntryStatus.Accepted, (await app.EntryAsync(accepted)).Status);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new TakeUnderReview([]), moderator));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new TakeUnderReview([a]), app.UserAsync(TestApp.Agent).Result));
    }

    [Fact]
    public async Task The_triage_queue_lists_oldest_first_with_counts_per_state_and_filters()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var queue = await app.Send(new GetTriageQueue(), moderator);
        var counts = await app.WithDb(db => db.Entries.GroupBy(e => e.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync());
        foreach (var c in counts) Assert.Equal(c.N, queue.Counts[c.Key]);
        Assert.All(queue.Items, i => Assert.Equal(EntryStatus.Submitted, app.EntryAsync(i.Id).Result.Status));
        Assert.Equal(queue.Items.Select(i => i.CreatedAt).Order(), queue.Items.Select(i => i.CreatedAt));

        var recorded = await app.Send(new SubmitEntry(new EntryInput(EntryKind.Difficulty, "Constat de l'audit", "Texte.", [await app.AnyThemeIdAsync()], null, false),
            EntryOrigin.InternalAudit, "AUD-12"), moderator);
        var audits = await app.Send(new GetTriageQueue(Origin: EntryOrigin.InternalAudit), moderator);
        Assert.Contains(audits.Items, i => i.Id == recorded);
        Assert.All(audits.Items, i => Assert.Equal(EntryOrigin.InternalAudit, i.Origin));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new GetTriageQueue(), app.UserAsync(TestApp.Agent).Result));
    }

    [Fact]
    public async Task Recording_from_another_source_is_for_moderators_and_keeps_origin_and_reference()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var input = new EntryInput(EntryKind.Difficulty, "Les circuits de validation sont longs", "Constat.", [await app.AnyThemeIdAsync()], null, false);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new SubmitEntry(input, EntryOrigin.SwotAnalysis), app.UserAsync(TestApp.Agent).Result));

        var id = await app.Send(new SubmitEntry(input, EntryOrigin.CafSelfAssessment, "CAF 2026 §4"), moderator);
        var entry = await app.EntryAsync(id);
        Assert.Equal((EntryOrigin.CafSelfAssessment, "CAF 2026 §4"), (entry.Origin, entry.OriginReference));
        Assert.Contains(await app.AuditAsync(id), a => a.Action == AuditAction.Recorded && a.To == "CafSelfAssessment");
    }

    [Fact]
    public async Task Moderators_set_the_themes_of_any_entry_and_the_change_is_audited()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var id = await app.NewEntryAsync();
        var themes = await app.WithDb(db => db.Themes.OrderBy(t => t.Id).Select(t => t.Id).Take(3).ToListAsync());

        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new SetEntryThemes(id, themes), app.UserAsync(TestApp.Agent).Result));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SetEntryThemes(id, []), moderator));
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new SetEntryThemes(id, [themes[0], 999_999]), moderator));

        await app.Send(new SetEntryThemes(id, themes), moderator);
        Assert.Equal(themes, (await app.EntryAsync(id)).Themes.Select(t => t.Id).Order());
        var audit = Assert.Single(await app.AuditAsync(id), a => a.Action == AuditAction.ThemesChanged);
        Assert.Equal(3, audit.To!.Split(", ").Length);
    }

    [Fact]
    public async Task An_idea_is_linked_as_answering_a_difficulty_and_both_pages_show_it()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var difficulty = await app.NewEntryAsync(EntryKind.Difficulty, "Les salles de réunion sont toujours prises");
        var idea = await app.NewEntryAsync(EntryKind.Idea, "Un agenda partagé des salles");
        var otherDifficulty = await app.NewEntryAsync(EntryKind.Difficulty);

        await app.Send(new LinkAnswer(idea, difficulty), moderator);
        await app.Send(new LinkAnswer(idea, difficulty), moderator);
        var agent = await app.OtherAgentAsync();
        Assert.Equal(idea, Assert.Single((await app.Send(new GetEntryRelations(difficulty), agent)).AnsweredBy).Id);
        Assert.Equal(difficulty, Assert.Single((await app.Send(new GetEntryRelations(idea), agent)).Answers).Id);

        var notADifficulty = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new LinkAnswer(difficulty, otherDifficulty), moderator));
        Assert.Equal("Link.AnswerMustNotBeDifficulty", notADifficulty.Errors.Single().MessageKey);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new LinkAnswer(idea, idea), moderator));

        await app.Send(new UnlinkAnswer(idea, difficulty), moderator);
        Assert.Empty((await app.Send(new GetEntryRelations(difficulty), agent)).AnsweredBy);
        Assert.Equal([AuditAction.LinkAnswer, AuditAction.UnlinkAnswer], (await app.AuditAsync(idea)).Where(a => a.Action is AuditAction.LinkAnswer or AuditAction.UnlinkAnswer).Select(a => a.Action));
    }

    [Fact]
    public async Task An_expert_answers_the_question_asked_and_the_opinion_shows_with_their_name()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var expert = await app.UserAsync(TestApp.Expert);
        var id = await app.NewEntryAsync();

        var notExpert = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.Send(new RequestExpertOpinion(id, app.OtherAgentAsync(10).Result.Id, "Faisable ?"), moderator));
        Assert.Equal("Expert.NotAnExpert", notExpert.Errors.Single().MessageKey);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new RequestExpertOpinion(id, expert.Id, " "), moderator));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new RequestExpertOpinion(id, expert.Id, "Q ?"), expert));

        var requestId = await app.Send(new RequestExpertOpinion(id, expert.Id, "Est-ce faisable avec nos outils ?"), moderator);
        Assert.Contains(await app.Send(new ListMyExpertRequests(), expert), r => r.Id == requestId && r.AnsweredAt == null);
        Assert.Single(await app.NotificationsAsync(id, NotificationKind.ExpertRequested), n => n.UserId == expert.Id);

        // Someone else cannot answer it: for them it does not exist.
        await Assert.ThrowsAsync<NotFoundException>(() => app.Send(new AnswerExpertRequest(requestId, "Oui."), moderator));
        await app.Send(new AnswerExpertRequest(requestId, "Oui, avec **l'outil existant**."), expert);
        await Assert.ThrowsAsync<ConflictException>(() => app.Send(new AnswerExpertRequest(requestId, "Encore."), expert));

        var opinion = Assert.Single((await app.Send(new GetEntryRelations(id), await app.OtherAgentAsync())).ExpertOpinions);
        var expertName = await app.WithDb(db => db.Users.Where(u => u.Id == expert.Id).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(expertName, opinion.ExpertName);
        Assert.Contains("<strong>l'outil existant</strong>", opinion.AnswerHtml);
        Assert.Single(await app.NotificationsAsync(id, NotificationKind.ExpertAnswered), n => n.UserId == moderator.Id);
    }

    [Fact]
    public async Task The_moderation_log_filters_by_action_and_by_entry()
    {
        var moderator = await app.UserAsync(TestApp.Moderator);
        var id = await app.NewEntryAsync();
        await app.Send(new ChangeStatus(id, EntryStatus.UnderReview, null), moderator);
        await app.Send(new ChangeStatus(id, EntryStatus.Hidden, "Doublon injurieux."), moderator);

        var ofEntry = await app.Send(new GetModerationLog(EntryId: id), moderator);
        Assert.Equal([AuditAction.Hide, AuditAction.Transition], ofEntry.Rows.Select(r => r.Action));
        var hides = await app.Send(new GetModerationLog(Action: AuditAction.Hide), moderator);
        Assert.All(hides.Rows, r => Assert.Equal(AuditAction.Hide, r.Action));
        Assert.Contains(hides.Rows, r => r.EntryId == id && r.Reason == "Doublon injurieux." && r.ActorName != null);
        var today = IdeaBox.Web.Infrastructure.Display.LocalDay(DateTime.UtcNow);
        Assert.Empty((await app.Send(new GetModerationLog(EntryId: id, From: today.AddDays(1)), moderator)).Rows);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new GetModerationLog(), app.UserAsync(TestApp.Agent).Result));
    }
}
