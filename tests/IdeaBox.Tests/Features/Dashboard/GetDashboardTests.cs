using IdeaBox.Web.Features.Dashboard;

namespace IdeaBox.Tests.Features.Dashboard;

/// <summary>
/// Every dashboard figure against numbers worked out by hand from a small data set: units A (A1,
/// A2) and B, themes Alpha and Beta, seven entries, six votes, two comments, a small plan. "Now"
/// is Wednesday 25 November 2026, 12:00 UTC; weeks start on Monday.
/// </summary>
[Collection(Slices.Name)]
public sealed class GetDashboardTests(AppFixture app) : AppTest(app)
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    private sealed record World(TestUser Leader, int A, int B);

    private async Task<World> WorldAsync()
    {
        Clock.Set(Now);
        var a = await Given.AUnit("A");
        var a1 = await Given.AUnit("A1", a);
        var a2 = await Given.AUnit("A2", a);
        var b = await Given.AUnit("B");
        var (u1, u2, u3, u4) = (await Given.AnAgent(a1), await Given.AnAgent(a1), await Given.AnAgent(a2), await Given.AnAgent(b));
        var leader = await Given.AUser([Roles.Leadership], b);
        var (alpha, beta) = (await Given.ATheme("Alpha"), await Given.ATheme("Beta"));

        await WithDb(async db =>
        {
            var themes = await db.Themes.ToDictionaryAsync(t => t.Name);
            Entry E(string key, EntryKind kind, OrgUnit unit, TestUser author, int daysAgo, EntryStatus status, double? reviewHours, double score, params string[] on)
            {
                var created = Now.AddDays(-daysAgo);
                var entry = new Entry
                {
                    Kind = kind, Title = key, Body = key, BodyHtml = key, UnitId = unit.Id, AuthorId = author.Id, Status = status,
                    CreatedAt = created, UpdatedAt = created, ReviewedAt = reviewHours is { } h ? created.AddHours(h) : null,
                    TrendingScore = score, Themes = [.. on.Select(t => themes[t])],
                };
                db.Entries.Add(entry);
                return entry;
            }
            var e1 = E("E1", EntryKind.Difficulty, a1, u1, 10, EntryStatus.UnderReview, 2, 100, "Alpha");
            var e2 = E("E2", EntryKind.Difficulty, a2, u3, 20, EntryStatus.Accepted, 10, 50, "Alpha", "Beta");
            var e3 = E("E3", EntryKind.Idea, b, u2, 40, EntryStatus.Done, 4, 70, "Beta");
            var e4 = E("E4", EntryKind.Difficulty, b, u4, 100, EntryStatus.Declined, 30, 10, "Beta");
            var e5 = E("E5", EntryKind.Difficulty, a1, u1, 5, EntryStatus.Submitted, null, 90, "Alpha");
            var e6 = E("E6", EntryKind.Difficulty, a1, u4, 3, EntryStatus.Hidden, null, 1000, "Alpha");
            var e7 = E("E7", EntryKind.Initiative, a2, u2, 200, EntryStatus.InPlan, 1, 5, "Beta");
            await db.SaveChangesAsync();

            void V(TestUser user, Entry entry, int daysAgo) => db.Votes.Add(new Vote { UserId = user.Id, EntryId = entry.Id, CreatedAt = Now.AddDays(-daysAgo) });
            V(u1, e1, 1); V(u2, e1, 8); V(u3, e2, 15); V(u4, e3, 35); V(u1, e4, 95); V(u2, e6, 2);
            foreach (var entry in new[] { e1, e2, e3, e4, e5, e6, e7 }) entry.VoteCount = db.Votes.Local.Count(v => v.EntryId == entry.Id);
            void C(TestUser user, Entry entry, int daysAgo) =>
                db.Comments.Add(new Comment { AuthorId = user.Id, EntryId = entry.Id, Body = "c", BodyHtml = "c", CreatedAt = Now.AddDays(-daysAgo) });
            C(u3, e1, 2); C(u4, e3, 50);

            var axis = new PlanNode { Level = PlanLevel.Axis, Position = 1, Title = "Axe" };
            var so1 = new PlanNode { Level = PlanLevel.StrategicObjective, Parent = axis, Position = 1, Title = "OS un" };
            var so2 = new PlanNode { Level = PlanLevel.StrategicObjective, Parent = axis, Position = 2, Title = "OS deux" };
            var oo1 = new PlanNode { Level = PlanLevel.OperationalObjective, Parent = so1, Position = 1, Title = "OO un" };
            var oo2 = new PlanNode { Level = PlanLevel.OperationalObjective, Parent = so2, Position = 1, Title = "OO deux" };
            db.PlanNodes.AddRange(axis, so1, so2, oo1, oo2,
                new PlanNode { Level = PlanLevel.Project, Parent = oo1, Position = 1, Title = "P fait", ProjectStatus = ProjectStatus.Done, Progress = 100 },
                new PlanNode { Level = PlanLevel.Project, Parent = oo1, Position = 2, Title = "P en cours", ProjectStatus = ProjectStatus.InProgress, Progress = 40 },
                new PlanNode { Level = PlanLevel.Project, Parent = oo2, Position = 1, Title = "P abandonné", ProjectStatus = ProjectStatus.Abandoned, Progress = 20 });
            return await db.SaveChangesAsync();
        });
        return new World(leader, a.Id, b.Id);
    }

    [Fact]
    public async Task Trending_difficulties_are_those_voted_in_the_period_by_score_with_votes_per_week()
    {
        var world = await WorldAsync();
        var result = (await Send(new GetDashboard(DashboardPeriod.Days30, null), world.Leader)).Trending;
        Assert.Equal([new DateOnly(2026, 10, 26), new(2026, 11, 2), new(2026, 11, 9), new(2026, 11, 16), new(2026, 11, 23)], result.Weeks);
        // E6 (hidden) and E4 (no vote in 30 days) are left out; E5 has no vote.
        Assert.Equal(["E1", "E2"], result.Items.Select(i => i.Title));
        Assert.Equal([0, 0, 0, 1, 1], result.Items[0].WeeklyVotes);
        Assert.Equal([0, 0, 1, 0, 0], result.Items[1].WeeklyVotes);

        Assert.Empty((await Send(new GetDashboard(DashboardPeriod.Days30, world.B), world.Leader)).Trending.Items);
        // Over all time, an entry counts once it has a vote: E5 has none.
        Assert.Equal(["E1", "E2", "E4"], (await Send(new GetDashboard(DashboardPeriod.All, null), world.Leader)).Trending.Items.Select(i => i.Title).Order());
    }

    [Fact]
    public async Task The_heat_map_counts_entries_and_votes_per_unit_rolled_up_and_theme()
    {
        var world = await WorldAsync();
        var all = (await Send(new GetDashboard(DashboardPeriod.Days30, null), world.Leader)).HeatMap;
        Assert.Equal(["A", "B"], all.Rows.Select(r => r.Name));
        Assert.Equal(["Alpha", "Beta"], all.Themes);
        Assert.Equal([new HeatCell(3, 3), new HeatCell(1, 1)], all.Cells[0]);
        Assert.Equal([new HeatCell(0, 0), new HeatCell(0, 0)], all.Cells[1]);

        var inA = (await Send(new GetDashboard(DashboardPeriod.Days30, world.A), world.Leader)).HeatMap;
        Assert.Equal(["A1", "A2"], inA.Rows.Select(r => r.Name));
        Assert.Equal([new HeatCell(2, 2), new HeatCell(0, 0)], inA.Cells[0]);
        Assert.Equal([new HeatCell(1, 1), new HeatCell(1, 1)], inA.Cells[1]);
    }

    [Fact]
    public async Task The_funnel_follows_the_cohort_of_the_period_with_median_and_90th_percentile_review_times()
    {
        var world = await WorldAsync();
        Assert.Equal(new Funnel(3, 2, 1, 0, 0, 2, 10), (await Send(new GetDashboard(DashboardPeriod.Days30, null), world.Leader)).Funnel);
        Assert.Equal(new Funnel(6, 5, 3, 2, 1, 4, 30), (await Send(new GetDashboard(DashboardPeriod.All, null), world.Leader)).Funnel);
        Assert.Equal(new Funnel(2, 2, 1, 1, 1, 4, 30), (await Send(new GetDashboard(DashboardPeriod.All, world.B), world.Leader)).Funnel);
    }

    [Fact]
    public async Task Plan_progress_rolls_up_by_axis_and_objective_without_abandoned_projects()
    {
        var world = await WorldAsync();
        var rows = (await Send(new GetDashboard(DashboardPeriod.All, null), world.Leader)).Plan;
        Assert.Equal([("A1", 70d, 3), ("OS1.1", 70d, 2)], rows.Take(2).Select(r => (r.Code, r.Progress!.Value, r.Projects)));
        Assert.Equal(("OS1.2", (double?)null), (rows[2].Code, rows[2].Progress));
    }

    [Fact]
    public async Task Participation_is_the_share_of_each_units_users_and_activity_per_week()
    {
        var world = await WorldAsync();
        var all = (await Send(new GetDashboard(DashboardPeriod.Days30, null), world.Leader)).Participation;
        // B has u4 and the leader: two users, one of whom took part.
        Assert.Equal([new ParticipationRow("A", 3, 2, 3, 1, 3), new ParticipationRow("B", 2, 1, 0, 0, 1)], all.Rows);
        Assert.Equal(2d / 3, all.Rows[0].Share(all.Rows[0].Submitted));
        Assert.Equal([0, 1, 1, 1, 0], all.Weeks.Select(w => w.Entries));
        Assert.Equal([0, 0, 1, 1, 2], all.Weeks.Select(w => w.Votes));
        Assert.Equal([0, 0, 0, 0, 1], all.Weeks.Select(w => w.Comments));

        var inA = (await Send(new GetDashboard(DashboardPeriod.Days30, world.A), world.Leader)).Participation;
        Assert.Equal([new ParticipationRow("A1", 2, 1, 2, 0, 2), new ParticipationRow("A2", 1, 1, 1, 1, 1)], inA.Rows);
    }

    [Fact]
    public async Task Leadership_moderators_and_administrators_read_the_dashboard_and_agents_and_experts_do_not()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new GetDashboard(DashboardPeriod.All, null), await Given.AnExpert()));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new GetDashboard(DashboardPeriod.All, null), await Given.AnAgent()));
        Assert.Equal(Clock.UtcNow, (await Send(new GetDashboard(DashboardPeriod.All, null), await Given.AModerator())).ComputedAt);
        await Send(new GetDashboard(DashboardPeriod.All, null), await Given.AnAdministrator());
        await Send(new GetDashboard(DashboardPeriod.All, null), await Given.ALeader());
    }
}
