using IdeaBox.Domain;
using IdeaBox.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Tests.Features.Dashboard;

/// <summary>
/// A small, fixed data set (no demo data) whose dashboard figures are worked out by hand in the
/// tests. "Now" is Wednesday 25 November 2026, 12:00 UTC; weeks start on Monday.
/// </summary>
public sealed class DashboardFixture : SliceFixture, IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    public Dictionary<string, int> Ids { get; } = [];

    public FakeUser Leader { get; } = new(1, Roles.Leadership);

    protected override void ConfigureApp(IWebHostBuilder builder) => builder.UseSetting("Seed:Demo", "false");

    public async ValueTask InitializeAsync()
    {
        Clock.Advance(Now - DateTimeOffset.UtcNow);
        await WithDb(async db =>
        {
            OrgUnit Unit(string name, OrgUnit? parent)
            {
                var unit = new OrgUnit { Name = name, Parent = parent, Depth = parent is null ? 0 : parent.Depth + 1 };
                db.Units.Add(unit);
                return unit;
            }
            var a = Unit("A", null);
            var a1 = Unit("A1", a);
            var a2 = Unit("A2", a);
            var b = Unit("B", null);
            await db.SaveChangesAsync();
            foreach (var unit in new[] { a, a1, a2, b }) unit.Path = (unit.Parent?.Path ?? "/") + unit.Id + "/";

            AppUser User(string name, OrgUnit unit)
            {
                var user = new AppUser { UserName = name, Email = name + "@test", DisplayName = name, UnitId = unit.Id, SecurityStamp = "x" };
                db.Users.Add(user);
                return user;
            }
            var (u1, u2, u3, u4) = (User("u1", a1), User("u2", a1), User("u3", a2), User("u4", b));
            var alpha = new Theme { Name = "Alpha" };
            var beta = new Theme { Name = "Beta" };
            db.Themes.AddRange(alpha, beta);
            await db.SaveChangesAsync();

            Entry E(string key, EntryKind kind, OrgUnit unit, AppUser author, int daysAgo, EntryStatus status, double? reviewHours, double score, params Theme[] themes)
            {
                var created = Now.AddDays(-daysAgo);
                var entry = new Entry
                {
                    Kind = kind, Title = key, Body = key, BodyHtml = key, UnitId = unit.Id, AuthorId = author.Id, Status = status,
                    CreatedAt = created, UpdatedAt = created, ReviewedAt = reviewHours is { } h ? created.AddHours(h) : null,
                    TrendingScore = score, Themes = [.. themes],
                };
                db.Entries.Add(entry);
                return entry;
            }
            var e1 = E("E1", EntryKind.Difficulty, a1, u1, 10, EntryStatus.UnderReview, 2, 100, alpha);
            var e2 = E("E2", EntryKind.Difficulty, a2, u3, 20, EntryStatus.Accepted, 10, 50, alpha, beta);
            var e3 = E("E3", EntryKind.Idea, b, u2, 40, EntryStatus.Done, 4, 70, beta);
            var e4 = E("E4", EntryKind.Difficulty, b, u4, 100, EntryStatus.Declined, 30, 10, beta);
            var e5 = E("E5", EntryKind.Difficulty, a1, u1, 5, EntryStatus.Submitted, null, 90, alpha);
            var e6 = E("E6", EntryKind.Difficulty, a1, u4, 3, EntryStatus.Hidden, null, 1000, alpha);
            var e7 = E("E7", EntryKind.Initiative, a2, u2, 200, EntryStatus.InPlan, 1, 5, beta);
            await db.SaveChangesAsync();

            void V(AppUser user, Entry entry, int daysAgo) => db.Votes.Add(new Vote { UserId = user.Id, EntryId = entry.Id, CreatedAt = Now.AddDays(-daysAgo) });
            V(u1, e1, 1); V(u2, e1, 8); V(u3, e2, 15); V(u4, e3, 35); V(u1, e4, 95); V(u2, e6, 2);
            foreach (var entry in new[] { e1, e2, e3, e4, e5, e6, e7 }) entry.VoteCount = db.Votes.Local.Count(v => v.EntryId == entry.Id);
            void C(AppUser user, Entry entry, int daysAgo) => db.Comments.Add(new Comment { AuthorId = user.Id, EntryId = entry.Id, Body = "c", BodyHtml = "c", CreatedAt = Now.AddDays(-daysAgo) });
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
            await db.SaveChangesAsync();

            foreach (var (key, id) in new[] { ("A", a.Id), ("A1", a1.Id), ("A2", a2.Id), ("B", b.Id), ("E1", e1.Id), ("E2", e2.Id), ("E3", e3.Id), ("E5", e5.Id) })
                Ids[key] = id;
            return 0;
        });
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
