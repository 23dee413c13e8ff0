using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Dashboard;
using IdeaBox.Web.Infrastructure;

namespace IdeaBox.Tests.Features.Dashboard;

/// <summary>Every dashboard figure against the numbers worked out by hand from <see cref="DashboardFixture"/>.</summary>
public sealed class DashboardTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Trending_difficulties_are_those_voted_in_the_period_by_score_with_votes_per_week()
    {
        var result = await app.Send(new GetTrendingDifficulties(DashboardPeriod.Days30, null), app.Leader);
        Assert.Equal([new DateOnly(2026, 10, 26), new(2026, 11, 2), new(2026, 11, 9), new(2026, 11, 16), new(2026, 11, 23)], result.Weeks);
        // E6 (hidden) and E4 (no vote in 30 days) are left out; E5 has no vote.
        Assert.Equal(["E1", "E2"], result.Items.Select(i => i.Title));
        Assert.Equal([0, 0, 0, 1, 1], result.Items[0].WeeklyVotes);
        Assert.Equal([0, 0, 1, 0, 0], result.Items[1].WeeklyVotes);

        Assert.Empty((await app.Send(new GetTrendingDifficulties(DashboardPeriod.Days30, app.Ids["B"]), app.Leader)).Items);
        Assert.Equal(["E1", "E2", "E4"], (await app.Send(new GetTrendingDifficulties(DashboardPeriod.All, null), app.Leader)).Items.Select(i => i.Title).Order());
        // Over all time, an entry counts once it has a vote: E5 has none.
    }

    [Fact]
    public async Task The_heat_map_counts_entries_and_votes_per_unit_rolled_up_and_theme()
    {
        var all = await app.Send(new GetHeatMap(DashboardPeriod.Days30, null), app.Leader);
        Assert.Equal(["A", "B"], all.Rows.Select(r => r.Name));
        Assert.Equal(["Alpha", "Beta"], all.Themes);
        Assert.Equal([new HeatCell(3, 3), new HeatCell(1, 1)], all.Cells[0]);
        Assert.Equal([new HeatCell(0, 0), new HeatCell(0, 0)], all.Cells[1]);

        var inA = await app.Send(new GetHeatMap(DashboardPeriod.Days30, app.Ids["A"]), app.Leader);
        Assert.Equal(["A1", "A2"], inA.Rows.Select(r => r.Name));
        Assert.Equal([new HeatCell(2, 2), new HeatCell(0, 0)], inA.Cells[0]);
        Assert.Equal([new HeatCell(1, 1), new HeatCell(1, 1)], inA.Cells[1]);
    }

    [Fact]
    public async Task The_funnel_follows_the_cohort_of_the_period_with_median_and_90th_percentile_review_times()
    {
        var days30 = await app.Send(new GetFunnel(DashboardPeriod.Days30, null), app.Leader);
        Assert.Equal(new Funnel(3, 2, 1, 0, 0, 2, 10), days30);

        var all = await app.Send(new GetFunnel(DashboardPeriod.All, null), app.Leader);
        Assert.Equal(new Funnel(6, 5, 3, 2, 1, 4, 30), all);

        var inB = await app.Send(new GetFunnel(DashboardPeriod.All, app.Ids["B"]), app.Leader);
        Assert.Equal(new Funnel(2, 2, 1, 1, 1, 4, 30), inB);
    }

    [Fact]
    public async Task Plan_progress_rolls_up_by_axis_and_objective_without_abandoned_projects()
    {
        var rows = await app.Send(new GetPlanProgress(), app.Leader);
        Assert.Equal([("A1", 70d, 3), ("OS1.1", 70d, 2)], rows.Take(2).Select(r => (r.Code, r.Progress!.Value, r.Projects)));
        Assert.Equal(("OS1.2", (double?)null), (rows[2].Code, rows[2].Progress));
    }

    [Fact]
    public async Task Participation_is_the_share_of_each_units_users_and_activity_per_week()
    {
        var all = await app.Send(new GetParticipation(DashboardPeriod.Days30, null), app.Leader);
        Assert.Equal([new ParticipationRow("A", 3, 2, 3, 1, 3), new ParticipationRow("B", 1, 1, 0, 0, 1)], all.Rows);
        Assert.Equal(2d / 3, all.Rows[0].Share(all.Rows[0].Submitted));
        Assert.Equal([0, 1, 1, 1, 0], all.Weeks.Select(w => w.Entries));
        Assert.Equal([0, 0, 1, 1, 2], all.Weeks.Select(w => w.Votes));
        Assert.Equal([0, 0, 0, 0, 1], all.Weeks.Select(w => w.Comments));

        var inA = await app.Send(new GetParticipation(DashboardPeriod.Days30, app.Ids["A"]), app.Leader);
        Assert.Equal([new ParticipationRow("A1", 2, 1, 2, 0, 2), new ParticipationRow("A2", 1, 1, 1, 1, 1)], inA.Rows);
    }

    [Fact]
    public async Task Agents_and_experts_do_not_see_the_dashboard()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => app.Send(new GetFunnel(DashboardPeriod.All, null), new FakeUser(1, Roles.Agent, Roles.Expert)));
        await app.Send(new GetFunnel(DashboardPeriod.All, null), new FakeUser(1, Roles.Moderator));
        await app.Send(new GetFunnel(DashboardPeriod.All, null), new FakeUser(1, Roles.Administrator));
    }
}
