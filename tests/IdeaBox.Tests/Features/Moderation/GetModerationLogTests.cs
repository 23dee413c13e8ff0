using IdeaBox.Web.Features.Experts;
using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class GetModerationLogTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_log_filters_by_action_entry_and_date_newest_first()
    {
        var moderator = await Given.AModerator();
        var id = await Given.AnEntry();
        await Send(new ChangeStatus(id, EntryStatus.UnderReview, null), moderator);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Send(new HideEntry(id, "Doublon injurieux."), moderator);
        var other = await Given.AnEntry();
        await Send(new HideEntry(other, "Hors sujet."), moderator);

        var ofEntry = await Send(new GetModerationLog(EntryId: id), moderator);
        Assert.Equal([AuditAction.Hide, AuditAction.Transition], ofEntry.Rows.Select(r => r.Action));
        var hides = await Send(new GetModerationLog(Action: AuditAction.Hide), moderator);
        Assert.Equal(new[] { id, other }.Order(), hides.Rows.Select(r => r.EntryId!.Value).Order());
        Assert.Contains(hides.Rows, r => r.EntryId == id && r.Reason == "Doublon injurieux." && r.ActorName == moderator.DisplayName);
        Assert.Empty((await Send(new GetModerationLog(EntryId: id, From: new DateOnly(2026, 11, 26)), moderator)).Rows);
        Assert.Equal(2, (await Send(new GetModerationLog(EntryId: id, From: new DateOnly(2026, 11, 25), To: new DateOnly(2026, 11, 25)), moderator)).Rows.Count);
        Assert.Equal([moderator.Id], (await Send(new GetModerationLog(), moderator)).Actors.Select(a => a.Id));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new GetModerationLog(), await Given.AnAgent()));
    }

    [Fact]
    public async Task Rows_name_what_their_ids_stand_for()
    {
        var moderator = await Given.AModerator();
        var expert = await Given.AnExpert();
        var source = await Given.AnEntry(status: EntryStatus.UnderReview, title: "Doublon");
        var target = await Given.AnEntry(title: "Le sujet d'origine");
        await Send(new RequestExpertOpinion(target, expert.Id, "Faisable ?"), moderator);
        await Send(new MergeEntry(source, target, null), moderator);

        var rows = (await Send(new GetModerationLog(), moderator)).Rows;
        var merge = Assert.Single(rows, r => r.Action == AuditAction.Merge);
        Assert.Equal(("Doublon", EntryStatus.Merged, target, "Le sujet d'origine"), (merge.EntryTitle, merge.ToStatus!.Value, merge.OtherEntryId!.Value, merge.OtherEntryTitle));
        var asked = Assert.Single(rows, r => r.Action == AuditAction.ExpertRequested);
        Assert.Equal((expert.DisplayName, "Faisable ?"), (asked.ExpertName, asked.Reason));
    }
}
