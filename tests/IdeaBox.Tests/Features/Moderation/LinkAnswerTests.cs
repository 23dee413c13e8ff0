using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class LinkAnswerTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task An_idea_answers_a_difficulty_both_pages_show_it_and_the_link_is_audited_as_data()
    {
        var moderator = await Given.AModerator();
        var difficulty = await Given.AnEntry(EntryKind.Difficulty, title: "Les salles de réunion sont toujours prises");
        var idea = await Given.AnEntry(EntryKind.Idea, title: "Un agenda partagé des salles");

        await Send(new LinkAnswer(idea, difficulty), moderator);
        await Send(new LinkAnswer(idea, difficulty), moderator);
        var agent = await Given.AnAgent();
        Assert.Equal(idea, Assert.Single((await Send(new GetEntryRelations(difficulty), agent)).AnsweredBy).Id);
        Assert.Equal(difficulty, Assert.Single((await Send(new GetEntryRelations(idea), agent)).Answers).Id);

        await Send(new UnlinkAnswer(idea, difficulty), moderator);
        Assert.Empty((await Send(new GetEntryRelations(difficulty), agent)).AnsweredBy);
        Assert.Equal([(AuditAction.LinkAnswer, difficulty), (AuditAction.UnlinkAnswer, difficulty)],
            (await AuditAsync(idea)).Select(a => (a.Action, a.OtherEntryId!.Value)));
    }

    [Fact]
    public async Task Only_ideas_and_initiatives_answer_and_only_difficulties_are_answered()
    {
        var moderator = await Given.AModerator();
        var difficulty = await Given.AnEntry(EntryKind.Difficulty);
        var other = await Given.AnEntry(EntryKind.Difficulty);
        var initiative = await Given.AnEntry(EntryKind.Initiative);

        var notAnAnswer = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new LinkAnswer(difficulty, other), moderator));
        Assert.Equal(("DifficultyId", "Link.AnswerMustNotBeDifficulty"), (notAnAnswer.Errors.Single().Field, notAnAnswer.Errors.Single().MessageKey));
        var notADifficulty = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new LinkAnswer(initiative, initiative), moderator));
        Assert.Equal("Link.NotADifficulty", notADifficulty.Errors.Single().MessageKey);
        Assert.Equal("Link.DifficultyRequired", (await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new LinkAnswer(initiative, null), moderator))).Errors.Single().MessageKey);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new LinkAnswer(initiative, difficulty), await Given.AnAgent()));
        await Assert.ThrowsAsync<NotFoundException>(() => Send(new UnlinkAnswer(initiative, difficulty), moderator));
        Assert.Equal(0, await WithDb(db => db.EntryAnswers.CountAsync()));
    }
}
