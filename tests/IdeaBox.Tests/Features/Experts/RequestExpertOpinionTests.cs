using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Experts;
using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Experts;

[Collection(Slices.Name)]
public sealed class RequestExpertOpinionTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_moderator_asks_an_expert_who_is_told_and_the_question_is_audited()
    {
        var moderator = await Given.AModerator();
        var expert = await Given.AnExpert();
        var id = await Given.AnEntry();

        var notExpert = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await Send(new RequestExpertOpinion(id, (await Given.AnAgent()).Id, "Faisable ?"), moderator));
        Assert.Equal(("ExpertId", "Expert.NotAnExpert"), (notExpert.Errors.Single().Field, notExpert.Errors.Single().MessageKey));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new RequestExpertOpinion(id, expert.Id, " "), moderator));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new RequestExpertOpinion(id, expert.Id, "Q ?"), expert));

        var requestId = await Send(new RequestExpertOpinion(id, expert.Id, "Est-ce faisable avec nos outils ?"), moderator);
        Assert.Equal((requestId, (DateTime?)null), (Assert.Single(await Send(new ListMyExpertRequests(), expert)).Id, (await Send(new GetExpertRequest(requestId), expert)).AnsweredAt));
        Assert.Equal(expert.Id, Assert.Single(await NotificationsAsync(id, NotificationKind.ExpertRequested)).UserId);
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal((AuditAction.ExpertRequested, expert.Id, "Est-ce faisable avec nos outils ?"), (audit.Action, audit.ExpertId!.Value, audit.Reason));
        // Moderators see the pending question on the entry; agents do not.
        Assert.Single((await Send(new GetEntryRelations(id), moderator)).PendingRequests);
        Assert.Empty((await Send(new GetEntryRelations(id), await Given.AnAgent())).PendingRequests);
    }
}

[Collection(Slices.Name)]
public sealed class AnswerExpertRequestTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_expert_answers_once_and_the_opinion_shows_with_their_name()
    {
        var moderator = await Given.AModerator();
        var expert = await Given.AnExpert();
        var id = await Given.AnEntry();
        var requestId = await Send(new RequestExpertOpinion(id, expert.Id, "Est-ce faisable ?"), moderator);

        // Another expert cannot answer it: for them it does not exist; someone who is no expert is refused.
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new AnswerExpertRequest(requestId, "Oui."), await Given.AnExpert()));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(new AnswerExpertRequest(requestId, "Oui."), moderator));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new AnswerExpertRequest(requestId, " "), expert));

        await Send(new AnswerExpertRequest(requestId, "Oui, avec **l'outil existant**."), expert);
        Assert.Equal("Expert.AlreadyAnswered", (await Assert.ThrowsAsync<ConflictException>(() => Send(new AnswerExpertRequest(requestId, "Encore."), expert))).MessageKey);

        var opinion = Assert.Single((await Send(new GetEntryRelations(id), await Given.AnAgent())).ExpertOpinions);
        Assert.Equal((expert.DisplayName, "Est-ce faisable ?", Clock.UtcNow), (opinion.ExpertName, opinion.Question, opinion.AnsweredAt));
        Assert.Contains("<strong>l'outil existant</strong>", opinion.AnswerHtml);
        Assert.Equal(moderator.Id, Assert.Single(await NotificationsAsync(id, NotificationKind.ExpertAnswered)).UserId);
    }
}

[Collection(Pages.Name)]
public sealed class ExpertPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_expert_opens_their_requests_but_not_one_made_to_someone_else()
    {
        var moderator = await Given.AModerator();
        var (expert, other) = (await Given.AnExpert(), await Given.AnExpert());
        var id = await Given.AnEntry();
        var mine = await Send(new RequestExpertOpinion(id, expert.Id, "À vous ?"), moderator);
        var theirs = await Send(new RequestExpertOpinion(id, other.Id, "À l'autre ?"), moderator);

        var client = await SignInAsync(expert);
        Assert.Equal(HttpStatusCode.OK, (await client.Get($"/Expert/{mine}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/Expert/{theirs}")).Response.StatusCode);
    }

    [Fact]
    public async Task An_empty_answer_comes_back_with_its_message_and_a_good_one_leads_to_the_entry()
    {
        var expert = await Given.AnExpert();
        var id = await Given.AnEntry();
        var request = await Send(new RequestExpertOpinion(id, expert.Id, "Faisable ?"), await Given.AModerator());
        var client = await SignInAsync(expert);

        var empty = await client.PostForm($"/Expert/{request}", "main form", new() { ["Answer"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(await AppClient.Html(empty), "answer-error"));

        var answered = await client.PostForm($"/Expert/{request}", "main form", new() { ["Answer"] = "Oui." });
        Assert.Equal(id, AppClient.RedirectedId(answered));
    }

    [Fact]
    public async Task An_entry_hidden_after_the_request_leaves_the_expert_s_list_and_cannot_be_answered()
    {
        var moderator = await Given.AModerator();
        var expert = await Given.AnExpert();
        var id = await Given.AnEntry();
        var requestId = await Send(new RequestExpertOpinion(id, expert.Id, "Est-ce faisable ?"), moderator);
        await Send(new HideEntry(id, "Propos injurieux."), moderator);

        Assert.Empty(await Send(new ListMyExpertRequests(), expert));
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new GetExpertRequest(requestId), expert));
        await Assert.ThrowsAsync<NotFoundException>(async () => await Send(new AnswerExpertRequest(requestId, "Oui."), expert));
        Assert.Null(await WithDb(db => db.ExpertRequests.Where(r => r.Id == requestId).Select(r => r.AnsweredAt).SingleAsync()));
    }
}
