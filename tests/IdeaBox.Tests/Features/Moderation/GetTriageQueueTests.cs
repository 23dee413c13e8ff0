using IdeaBox.Web.Features.Entries;
using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class GetTriageQueueTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_queue_lists_submitted_entries_oldest_first_with_the_count_of_every_state()
    {
        var newer = await Given.AnEntry(createdAt: Clock.UtcNow.AddDays(-1));
        var older = await Given.AnEntry(createdAt: Clock.UtcNow.AddDays(-3));
        await Given.AnEntry(status: EntryStatus.UnderReview);
        await Given.AnEntry(status: EntryStatus.Hidden);
        var moderator = await Given.AModerator();

        var queue = await Send(new GetTriageQueue(), moderator);
        Assert.Equal([older, newer], queue.Items.Select(i => i.Id));
        Assert.Equal((2, 1, 1, 0), (queue.Counts[EntryStatus.Submitted], queue.Counts[EntryStatus.UnderReview], queue.Counts[EntryStatus.Hidden], queue.Counts[EntryStatus.Done]));
        Assert.Equal(2, queue.Paging.Total);
    }

    [Fact]
    public async Task The_queue_filters_by_origin_and_is_refused_to_agents()
    {
        var moderator = await Given.AModerator();
        var recorded = await Send(new RecordEntry(new EntryInput(EntryKind.Difficulty, "Constat de l'audit", "Texte.", [(await Given.ATheme()).Id], null, false),
            EntryOrigin.InternalAudit, "AUD-12"), moderator);
        await Given.AnEntry();

        var audits = await Send(new GetTriageQueue(Origin: EntryOrigin.InternalAudit), moderator);
        Assert.Equal([recorded], audits.Items.Select(i => i.Id));
        Assert.Equal(EntryOrigin.InternalAudit, audits.Items[0].Origin);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new GetTriageQueue(), await Given.AnAgent()));
    }
}
