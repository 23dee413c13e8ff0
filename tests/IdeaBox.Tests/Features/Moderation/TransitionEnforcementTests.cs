using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Features.Moderation;

/// <summary>Every (from, to) pair, for every role, sent through the real handler: allowed moves happen, refused ones change nothing.</summary>
public sealed class TransitionEnforcementTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private static readonly Dictionary<string, string> AccountOf = new()
    {
        [Roles.Agent] = TestApp.Agent,
        [Roles.Expert] = TestApp.Expert,
        [Roles.Moderator] = TestApp.Moderator,
        [Roles.Leadership] = ModerationSetup.Leadership,
        [Roles.Administrator] = ModerationSetup.Administrator,
    };

    public static TheoryData<EntryStatus, EntryStatus, string> EveryPairAndRole()
    {
        var data = new TheoryData<EntryStatus, EntryStatus, string>();
        foreach (var from in Enum.GetValues<EntryStatus>())
        foreach (var to in Enum.GetValues<EntryStatus>())
        foreach (var role in Roles.ByPrecedence)
            data.Add(from, to, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPairAndRole))]
    public async Task A_status_change_happens_only_when_the_table_allows_it(EntryStatus from, EntryStatus to, string role)
    {
        var id = await app.NewEntryAsync();
        // A hidden entry goes back to the status it had: make that the target, so the table decides.
        await app.SetStatusAsync(id, from, before: to == EntryStatus.Hidden ? EntryStatus.Submitted : to);
        var actor = await app.UserAsync(AccountOf[role]);
        var before = await app.WithDb(db => db.AuditEvents.CountAsync(a => a.EntryId == id));

        var allowed = role == Roles.Moderator && Transitions.Find(from, to, Roles.Moderator) is not null
            && to is not (EntryStatus.Merged or EntryStatus.InPlan);
        var send = () => app.Send(new ChangeStatus(id, to, "Motif de test"), actor);

        if (allowed)
        {
            await send();
            Assert.Equal(to, (await app.EntryAsync(id)).Status);
            Assert.Equal(before + 1, await app.WithDb(db => db.AuditEvents.CountAsync(a => a.EntryId == id)));
            return;
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(send);
        if (role == Roles.Moderator) Assert.IsType<ConflictException>(error);
        // Someone else's hidden entry does not exist for an ordinary user; anything else is refused.
        else if (from == EntryStatus.Hidden && role != Roles.Agent) Assert.IsType<NotFoundException>(error);
        else Assert.IsType<ForbiddenException>(error);
        Assert.Equal(from, (await app.EntryAsync(id)).Status);
        Assert.Equal(before, await app.WithDb(db => db.AuditEvents.CountAsync(a => a.EntryId == id)));
    }
}
