using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class TakeUnderReviewTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_selected_submitted_entries_move_and_the_others_stay()
    {
        var moderator = await Given.AModerator();
        var a = await Given.AnEntry();
        var b = await Given.AnEntry();
        var accepted = await Given.AnEntry(status: EntryStatus.Accepted);

        Assert.Equal(2, await Send(new TakeUnderReview([a, b, accepted, a]), moderator));
        Assert.Equal([EntryStatus.UnderReview, EntryStatus.UnderReview, EntryStatus.Accepted],
            [(await EntryAsync(a)).Status, (await EntryAsync(b)).Status, (await EntryAsync(accepted)).Status]);
        Assert.Equal(Clock.UtcNow, (await EntryAsync(a)).ReviewedAt);
        Assert.Single(await AuditAsync(a));
        Assert.Empty(await AuditAsync(accepted));
    }

    [Fact]
    public async Task Nothing_selected_is_refused_and_agents_are_forbidden()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(async () => await Send(new TakeUnderReview([]), await Given.AModerator()));
        Assert.Equal(("EntryIds", "Moderation.NothingSelected"), (error.Errors.Single().Field, error.Errors.Single().MessageKey));
        var id = await Given.AnEntry();
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new TakeUnderReview([id]), await Given.AnAgent()));
        Assert.Equal(EntryStatus.Submitted, (await EntryAsync(id)).Status);
    }
}
