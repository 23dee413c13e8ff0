using Bogus;
using IdeaBox.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// Test data, written straight to the database as if it had got there (Bogus, French, fixed seed:
/// the same test gets the same names every time). A test states only what matters to it; the rest
/// is a plausible default (a new agent, a unit, a theme).
/// </summary>
public sealed class Given(AppFixture app)
{
    private const int Seed = 20_261_125;

    private Faker _faker = NewFaker();
    private int _sequence;
    private int? _defaultUnitId;
    private int? _defaultThemeId;
    private string? _passwordHash;

    private static Faker NewFaker() => new("fr") { Random = new Randomizer(Seed) };

    internal void Reset()
    {
        _faker = NewFaker();
        _sequence = 0;
        _defaultUnitId = null;
        _defaultThemeId = null;
    }

    private DateTime Now => app.Clock.UtcNow;

    // ---- Organisation

    /// <summary>A unit under <paramref name="parent"/> (or at the top of the tree).</summary>
    public Task<OrgUnit> AUnit(string? name = null, OrgUnit? parent = null) => app.WithDb(async db =>
    {
        var unit = new OrgUnit { Name = name ?? $"Service {_faker.Address.City()} {++_sequence}" };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.PlaceUnder(parent);
        await db.SaveChangesAsync();
        return unit;
    });

    public Task<Theme> ATheme(string? name = null) => app.WithDb(async db =>
    {
        var theme = new Theme { Name = name ?? $"{_faker.Commerce.Department()} {++_sequence}" };
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        return theme;
    });

    private async Task<int> DefaultUnitId() => _defaultUnitId ??= (await AUnit("Service de test")).Id;

    private async Task<int> DefaultThemeId() => _defaultThemeId ??= (await ATheme("Thème de test")).Id;

    // ---- People

    public Task<TestUser> AnAgent(OrgUnit? unit = null) => AUser([], unit);

    public Task<TestUser> AnExpert() => AUser([Roles.Expert]);

    public Task<TestUser> AModerator() => AUser([Roles.Moderator]);

    public Task<TestUser> ALeader() => AUser([Roles.Leadership]);

    public Task<TestUser> AnAdministrator() => AUser([Roles.Administrator]);

    /// <summary>A user with these roles besides Agent (everyone is an agent), signing in with <see cref="AppFixture.Password"/>.</summary>
    public async Task<TestUser> AUser(IReadOnlyList<string> roles, OrgUnit? unit = null, string? culture = null)
    {
        var unitId = unit?.Id ?? await DefaultUnitId();
        _passwordHash ??= app.Service<IPasswordHasher<AppUser>>().HashPassword(null!, AppFixture.Password);
        var first = _faker.Name.FirstName();
        var last = _faker.Name.LastName();
        var email = $"{Slug(first)}.{Slug(last)}.{++_sequence}@test.ideabox";
        var held = roles.Append(Roles.Agent).Distinct().ToList();
        return await app.WithDb(async db =>
        {
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = $"{first} {last}", UnitId = unitId, PasswordHash = _passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
                Culture = culture,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            var roleIds = await db.Roles.Where(r => held.Contains(r.Name!)).Select(r => r.Id).ToListAsync();
            db.UserRoles.AddRange(roleIds.Select(id => new IdentityUserRole<int> { UserId = user.Id, RoleId = id }));
            await db.SaveChangesAsync();
            return new TestUser(user.Id, email, user.DisplayName, held);
        });
    }

    private static string Slug(string name) => SearchTextFold(name).Replace(' ', '-').Replace('\'', '-');

    private static string SearchTextFold(string value) => Web.Infrastructure.Search.SearchText.Fold(value);

    // ---- Entries

    /// <summary>
    /// An entry in the state asked for, written as the app would have left it: its author follows it,
    /// a reviewed one has its review date, a hidden one remembers it was submitted.
    /// </summary>
    public async Task<int> AnEntry(EntryKind kind = EntryKind.Difficulty, EntryStatus status = EntryStatus.Submitted, TestUser? author = null,
        string? title = null, string? body = null, OrgUnit? unit = null, IReadOnlyList<Theme>? themes = null, bool hideAuthorName = false,
        DateTime? createdAt = null, int? mergedInto = null)
    {
        author ??= await AnAgent();
        var unitId = unit?.Id ?? await DefaultUnitId();
        var themeIds = themes?.Select(t => t.Id).ToList() ?? [await DefaultThemeId()];
        title ??= $"{_faker.Lorem.Sentence(5).TrimEnd('.')} {++_sequence}";
        body ??= _faker.Lorem.Paragraph();
        var at = createdAt ?? Now;
        var html = app.Service<MarkdownRenderer>().TryRender(body) ?? "";
        return await app.WithDb(async db =>
        {
            var entry = Entry.Submit(author.Id, kind, title, body, html, unitId, await db.Themes.Where(t => themeIds.Contains(t.Id)).ToListAsync(),
                hideAuthorName, EntryOrigin.Agent, null, at);
            entry.Status = status;
            if (status != EntryStatus.Submitted) entry.ReviewedAt = at.AddHours(1);
            if (status == EntryStatus.Hidden) entry.StatusBeforeHidden = EntryStatus.Submitted;
            entry.MergedIntoId = mergedInto;
            db.Entries.Add(entry);
            await db.SaveChangesAsync();
            db.Follows.Add(new Follow { EntryId = entry.Id, UserId = author.Id, CreatedAt = at });
            await db.SaveChangesAsync();
            return entry.Id;
        });
    }

    /// <summary>Each voter supports the entry now (and follows it), with the count and trending score the app would store.</summary>
    public Task Votes(int entryId, params TestUser[] voters) => app.WithDb(async db =>
    {
        var trending = app.Service<Trending>();
        var entry = await db.Entries.SingleAsync(e => e.Id == entryId);
        foreach (var voter in voters)
        {
            db.Votes.Add(new Vote { EntryId = entryId, UserId = voter.Id, CreatedAt = Now });
            if (!await db.Follows.AnyAsync(f => f.EntryId == entryId && f.UserId == voter.Id))
                db.Follows.Add(new Follow { EntryId = entryId, UserId = voter.Id, CreatedAt = Now });
            entry.VoteCount++;
            entry.TrendingScore = trending.AddVote(entry.TrendingScore, Now);
        }
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>A new agent who voted for the entry.</summary>
    public async Task<TestUser> AVoter(int entryId)
    {
        var voter = await AnAgent();
        await Votes(entryId, voter);
        return voter;
    }

    /// <summary>A comment (or a reply) on an entry, counted on it.</summary>
    public Task<int> AComment(int entryId, TestUser author, string body = "Un commentaire.", int? parentId = null) => app.WithDb(async db =>
    {
        var comment = new Comment
        {
            EntryId = entryId, AuthorId = author.Id, ParentId = parentId, Body = body,
            BodyHtml = app.Service<MarkdownRenderer>().TryRender(body) ?? "", CreatedAt = Now,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        await db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CommentCount, e => e.CommentCount + 1));
        return comment.Id;
    });

    // ---- The plan

    /// <summary>A new axis with one strategic objective and one operational objective under it.</summary>
    public async Task<(int Axis, int Objective, int Operational)> APlanBranch()
    {
        var axis = await APlanNode(PlanLevel.Axis, null, $"Axe {++_sequence}");
        var objective = await APlanNode(PlanLevel.StrategicObjective, axis, $"Objectif stratégique {_sequence}");
        var operational = await APlanNode(PlanLevel.OperationalObjective, objective, $"Objectif opérationnel {_sequence}");
        return (axis, objective, operational);
    }

    public Task<int> AProject(int operationalObjectiveId, string? title = null, ProjectStatus status = ProjectStatus.InProgress, int progress = 0,
        double? weight = null) =>
        APlanNode(PlanLevel.Project, operationalObjectiveId, title ?? $"Projet {++_sequence}", status, progress, weight);

    public Task<int> APlanNode(PlanLevel level, int? parentId, string title, ProjectStatus status = ProjectStatus.Planned, int progress = 0,
        double? weight = null) => app.WithDb(async db =>
    {
        var position = await db.PlanNodes.Where(n => n.ParentId == parentId).MaxAsync(n => (int?)n.Position) ?? 0;
        var node = new PlanNode
        {
            Level = level, ParentId = parentId, Position = position + 1, Title = title, Weight = weight,
            ProjectStatus = status, Progress = status == ProjectStatus.Done ? 100 : progress,
        };
        db.PlanNodes.Add(node);
        await db.SaveChangesAsync();
        return node.Id;
    });

    /// <summary>The project carries the entry (the entry's status is left as it is).</summary>
    public Task Carries(int projectId, int entryId) => app.WithDb(async db =>
    {
        db.ProjectEntries.Add(new ProjectEntry { ProjectId = projectId, EntryId = entryId, CreatedAt = Now });
        return await db.SaveChangesAsync();
    });

    /// <summary>The idea or initiative is linked as answering the difficulty.</summary>
    public Task Answers(int answerId, int difficultyId) => app.WithDb(async db =>
    {
        db.EntryAnswers.Add(new EntryAnswer { AnswerId = answerId, DifficultyId = difficultyId, CreatedAt = Now });
        return await db.SaveChangesAsync();
    });

    /// <summary>The entry's stored vote count, as if that many people had supported it (no vote rows).</summary>
    public Task Supported(int entryId, int votes) =>
        app.WithDb(db => db.Entries.Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.VoteCount, votes)));
}
