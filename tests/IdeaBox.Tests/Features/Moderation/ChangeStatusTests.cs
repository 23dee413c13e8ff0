using IdeaBox.Tests.Domain;
using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Tests.Features.Moderation;

[Collection(Slices.Name)]
public sealed class ChangeStatusTests(AppFixture app) : AppTest(app)
{
    public static TheoryData<EntryStatus, EntryStatus, string> EveryPairAndRole()
    {
        var data = new TheoryData<EntryStatus, EntryStatus, string>();
        foreach (var from in Enum.GetValues<EntryStatus>())
            foreach (var to in Enum.GetValues<EntryStatus>())
                foreach (var role in Roles.ByPrecedence)
                    data.Add(from, to, role);
        return data;
    }

    /// <summary>Every (from, to) pair for every role, through the real handler: allowed moves happen, refused ones change nothing.</summary>
    [Theory]
    [MemberData(nameof(EveryPairAndRole))]
    public async Task A_status_change_happens_only_when_the_design_allows_it(EntryStatus from, EntryStatus to, string role)
    {
        var id = await Given.AnEntry(status: from);
        // A hidden entry goes back to the status it had: make that the target, so the design decides.
        if (from == EntryStatus.Hidden)
            await WithDb(db => db.Entries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StatusBeforeHidden, to)));
        var actor = await Given.AUser([role]);
        // Merging and promotion need a target: they have their own commands.
        var allowed = TransitionsTests.Expected(from, to, role).Allowed && to is not (EntryStatus.Merged or EntryStatus.InPlan);

        var send = () => Send(new ChangeStatus(id, to, "Motif de test"), actor);
        if (allowed)
        {
            await send();
            Assert.Equal(to, (await EntryAsync(id)).Status);
            var audit = Assert.Single(await AuditAsync(id));
            Assert.Equal((from, to, actor.Id), (audit.FromStatus!.Value, audit.ToStatus!.Value, audit.ActorId!.Value));
            return;
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(send);
        Assert.IsType(role == Roles.Moderator ? typeof(ConflictException) : typeof(ForbiddenException), error);
        Assert.Equal(from, (await EntryAsync(id)).Status);
        Assert.Empty(await AuditAsync(id));
    }

    [Fact]
    public async Task Declining_needs_a_reason_then_stores_it_audits_it_and_tells_the_author_and_voters_but_not_the_moderator()
    {
        var moderator = await Given.AModerator();
        var author = await Given.AnAgent();
        var id = await Given.AnEntry(author: author, status: EntryStatus.UnderReview);
        var voter = await Given.AVoter(id);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new ChangeStatus(id, EntryStatus.Declined, "  "), moderator));
        Assert.Contains(error.Errors, e => e.Field == "Reason" && e.MessageKey == "Validation.ReasonRequired");
        Assert.Equal(EntryStatus.UnderReview, (await EntryAsync(id)).Status);

        await Send(new ChangeStatus(id, EntryStatus.Declined, "Relève du fédéral."), moderator);
        var entry = await EntryAsync(id);
        Assert.Equal((EntryStatus.Declined, "Relève du fédéral."), (entry.Status, entry.StatusReason));
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal((AuditAction.Transition, EntryStatus.UnderReview, EntryStatus.Declined, "Relève du fédéral.", moderator.Id),
            (audit.Action, audit.FromStatus!.Value, audit.ToStatus!.Value, audit.Reason, audit.ActorId!.Value));

        var told = await NotificationsAsync(id, NotificationKind.StatusChanged);
        Assert.Equal(new[] { author.Id, voter.Id }.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal(("Declined", "Relève du fédéral."), (n.Detail, n.Reason)));
    }

    [Fact]
    public async Task A_status_change_reaches_followers_and_not_those_who_stopped_following()
    {
        var id = await Given.AnEntry();
        var (follower, quitter, bystander) = (await Given.AnAgent(), await Given.AnAgent(), await Given.AnAgent());
        await Given.Votes(id, quitter);
        await Send(new Web.Features.Notifications.FollowEntry(id), follower);
        await Send(new Web.Features.Notifications.UnfollowEntry(id), quitter);

        await Send(new ChangeStatus(id, EntryStatus.UnderReview, null), await Given.AModerator());
        var told = (await NotificationsAsync(id, NotificationKind.StatusChanged)).Select(n => n.UserId).ToList();
        Assert.Contains(follower.Id, told);
        Assert.DoesNotContain(quitter.Id, told);
        Assert.DoesNotContain(bystander.Id, told);
    }
}
