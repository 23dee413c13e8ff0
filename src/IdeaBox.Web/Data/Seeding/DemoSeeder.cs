using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bogus;
using IdeaBox.Web.Features.Entries;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Data.Seeding;

/// <summary>One demo account per role, printed at start-up.</summary>
public sealed record DemoAccount(string Role, string Email, string DisplayName, string UnitName);

/// <summary>
/// Realistic demo data (Bogus, French locale, fixed seed): the unit tree, themes, users, entries
/// of the three kinds with votes in a long tail, comments and replies. Counts and trending
/// scores are computed as the application would store them.
/// </summary>
public sealed partial class DemoSeeder(
    IdeaBoxDb db, IOptions<SeedOptions> options, IHostEnvironment environment, MarkdownRenderer markdown,
    Trending trending, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new(Roles.Agent, "agent@ideabox.demo", "Camille Dubois", "Service de la formation"),
        new(Roles.Expert, "expert@ideabox.demo", "Nathalie Lambert", "Service des applications métier"),
        new(Roles.Moderator, "moderateur@ideabox.demo", "Julien Peeters", "Direction de la communication"),
        new(Roles.Leadership, "direction@ideabox.demo", "Marc Janssens", "Secrétariat général"),
        new(Roles.Administrator, "admin@ideabox.demo", "Sophie Lejeune", "Service du support informatique"),
    ];

    public bool IsEnabled => options.Value.Demo && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!IsEnabled || await db.Units.AnyAsync(ct)) return;
        var password = options.Value.DemoPassword;
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Seed:Demo is on but Seed:DemoPassword is empty.");

        var stopwatch = Stopwatch.StartNew();
        var seed = options.Value;
        Randomizer.Seed = new Random(seed.RandomSeed);
        var faker = new Faker("fr");
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var units = await SeedUnits(ct);
        var themes = DemoVocabulary.Themes.Select(n => new Theme { Name = n }).ToList();
        db.Themes.AddRange(themes);
        await db.SaveChangesAsync(ct);

        var users = await SeedUsers(faker, units, password, seed.Users, ct);
        var entries = SeedEntries(faker, units, themes, users, seed.Entries, now);
        db.Entries.AddRange(entries);
        await db.SaveChangesAsync(ct);

        SeedVotesAndComments(faker, entries, users, now);
        await db.SaveChangesAsync(ct);

        SeedHistory(faker, entries, users, now);
        await db.SaveChangesAsync(ct);
        await SeedPlan(faker, entries, users, units, now, ct);
        await SeedClustersAndCalls(entries, themes, users, units, now, ct);
        SeedBranding(now);
        await db.SaveChangesAsync(ct);
        await Breadth.RecountAsync(db, entries.Select(e => e.Id).ToList(), ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ChangeTracker.Clear();

        logger.LogInformation("Demo data seeded in {Elapsed} ms: {Users} users, {Entries} entries.",
            stopwatch.ElapsedMilliseconds, users.Count, entries.Count);
    }

    private async Task<List<OrgUnit>> SeedUnits(CancellationToken ct)
    {
        var all = new List<OrgUnit>();
        async Task Add(DemoVocabulary.UnitNode node, OrgUnit? parent)
        {
            var unit = new OrgUnit { Name = node.Name, Code = node.Code, ParentId = parent?.Id, Depth = parent is null ? 0 : parent.Depth + 1 };
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            unit.Path = (parent?.Path ?? "/") + unit.Id.ToString(CultureInfo.InvariantCulture) + "/";
            db.Entry(unit).Property(u => u.Path).IsModified = true;
            all.Add(unit);
            foreach (var child in node.Children) await Add(child, unit);
        }
        foreach (var root in DemoVocabulary.Units) await Add(root, null);
        await db.SaveChangesAsync(ct);
        return all;
    }

    private async Task<List<AppUser>> SeedUsers(Faker faker, List<OrgUnit> units, string password, int count, CancellationToken ct)
    {
        // PBKDF2 costs tens of milliseconds: hash the shared demo password once.
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, password);
        AppUser NewUser(string email, string name, int unitId) => new()
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = name,
            UnitId = unitId,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        };

        var users = Accounts.Select(a => NewUser(a.Email, a.DisplayName, units.Single(u => u.Name == a.UnitName).Id)).ToList();
        var services = units.Where(u => u.Depth == 2).ToList();
        var emails = new HashSet<string>(users.Select(u => u.Email!));
        while (users.Count < count)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{Ascii(first)}.{Ascii(last)}@ideabox.demo";
            for (var n = 2; !emails.Add(email); n++) email = $"{Ascii(first)}.{Ascii(last)}{n}@ideabox.demo";
            // Most staff work in services; a few sit in directorates and general administrations.
            var unit = faker.Random.Bool(0.85f) ? faker.PickRandom(services) : faker.PickRandom(units);
            users.Add(NewUser(email, $"{first} {last}", unit.Id));
        }
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var userRoles = users.Select(u => new IdentityUserRole<int> { UserId = u.Id, RoleId = roleIds[Roles.Agent] }).ToList();
        for (var i = 0; i < Accounts.Count; i++)
        {
            if (Accounts[i].Role != Roles.Agent)
                userRoles.Add(new IdentityUserRole<int> { UserId = users[i].Id, RoleId = roleIds[Accounts[i].Role] });
        }
        // A few more experts, so that a moderator has someone to ask.
        foreach (var expert in users.Skip(Accounts.Count).Take(6))
            userRoles.Add(new IdentityUserRole<int> { UserId = expert.Id, RoleId = roleIds[Roles.Expert] });
        db.UserRoles.AddRange(userRoles);
        await db.SaveChangesAsync(ct);
        return users;
    }

    private List<Entry> SeedEntries(Faker faker, List<OrgUnit> units, List<Theme> themes, List<AppUser> users, int count, DateTime now)
    {
        var themesByName = themes.ToDictionary(t => t.Name);
        var templates = new (EntryKind Kind, DemoVocabulary.TitleTemplate[] Templates, float Weight)[]
        {
            (EntryKind.Difficulty, DemoVocabulary.Difficulties, 0.45f),
            (EntryKind.Idea, DemoVocabulary.Ideas, 0.35f),
            (EntryKind.Initiative, DemoVocabulary.Initiatives, 0.20f),
        };
        var entries = new List<Entry>(count);
        var titles = new HashSet<string>();
        var demoAgent = users[0];
        for (var i = 0; i < count; i++)
        {
            var kind = faker.Random.WeightedRandom(templates, templates.Select(t => t.Weight).ToArray());
            var template = faker.PickRandom(kind.Templates);
            var title = string.Format(CultureInfo.InvariantCulture, template.Format, faker.PickRandom(template.First), faker.PickRandom(template.Second));
            if (!titles.Add(title)) title = $"{title} ({faker.PickRandom(units.Where(u => u.Depth == 2)).Name})";
            titles.Add(title);

            // The demo agent has a handful of entries of their own to find under "my entries".
            var author = i % 80 == 3 ? demoAgent : faker.PickRandom(users);
            var createdAt = now.AddMinutes(-faker.Random.Double(30, 365 * 24 * 60));
            var body = Body(faker, kind.Kind);
            var entryThemes = template.Themes.Select(n => themesByName[n]).OrderBy(_ => faker.Random.Int()).Take(faker.Random.Int(1, 2)).ToList();
            if (faker.Random.Bool(0.2f)) entryThemes.Add(faker.PickRandom(themes.Except(entryThemes)));
            var status = Status(faker, createdAt, now, author == demoAgent);
            entries.Add(new Entry
            {
                Kind = kind.Kind,
                Title = title,
                Body = body,
                BodyHtml = markdown.TryRender(body)!,
                UnitId = faker.Random.Bool(0.8f) ? author.UnitId : faker.PickRandom(units).Id,
                AuthorId = author.Id,
                HideAuthorName = faker.Random.Bool(0.15f),
                Origin = EntryOrigin.Agent,
                Status = status,
                StatusReason = status == EntryStatus.Declined ? faker.PickRandom(DemoVocabulary.DeclineReasons) : null,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
                Themes = entryThemes,
            });
        }
        return entries;
    }

    private static EntryStatus Status(Faker faker, DateTime createdAt, DateTime now, bool keepEditable)
    {
        // Recent entries are mostly waiting; older ones have mostly been through moderation.
        if (keepEditable || now - createdAt < TimeSpan.FromDays(10)) return EntryStatus.Submitted;
        return faker.Random.WeightedRandom(
            [EntryStatus.Submitted, EntryStatus.UnderReview, EntryStatus.Accepted, EntryStatus.InPlan, EntryStatus.Done, EntryStatus.Declined],
            [0.35f, 0.22f, 0.14f, 0.12f, 0.07f, 0.10f]);
    }

    private static string Body(Faker faker, EntryKind kind)
    {
        var text = new StringBuilder();
        text.AppendLine(faker.PickRandom(DemoVocabulary.Contexts)).AppendLine();
        text.AppendLine(kind switch
        {
            EntryKind.Difficulty => "**Ce que cela provoque :**",
            EntryKind.Idea => "**Ce que cela changerait :** moins de",
            _ => "**Ce que nous avons évité :**",
        }).AppendLine();
        foreach (var impact in faker.PickRandom(DemoVocabulary.Impacts, faker.Random.Int(2, 3)))
            text.Append("- ").AppendLine(impact);
        text.AppendLine().AppendLine(faker.PickRandom(DemoVocabulary.Proposals));
        return text.ToString();
    }

    private void SeedVotesAndComments(Faker faker, List<Entry> entries, List<AppUser> users, DateTime now)
    {
        var votes = new List<Vote>();
        var follows = new List<Follow>();
        var comments = new List<Comment>();
        foreach (var entry in entries)
        {
            // A long tail: most entries gather a few votes, a handful gather a hundred or more.
            var voteCount = (int)(Math.Pow(faker.Random.Double(), 3.2) * Math.Min(160, users.Count));
            var voteTimes = new List<DateTime>(voteCount);
            // Authors and voters follow the entry, as the application does.
            follows.Add(new Follow { EntryId = entry.Id, UserId = entry.AuthorId, CreatedAt = entry.CreatedAt });
            foreach (var voter in faker.PickRandom(users, voteCount))
            {
                var at = Between(faker, entry.CreatedAt, now);
                votes.Add(new Vote { EntryId = entry.Id, UserId = voter.Id, CreatedAt = at });
                if (voter.Id != entry.AuthorId) follows.Add(new Follow { EntryId = entry.Id, UserId = voter.Id, CreatedAt = at });
                voteTimes.Add(at);
            }
            voteTimes.Sort();
            entry.VoteCount = voteCount;
            entry.TrendingScore = trending.Recompute(voteTimes);

            var commentCount = (int)(Math.Pow(faker.Random.Double(), 2) * 10);
            var topLevel = new List<Comment>();
            for (var c = 0; c < commentCount; c++)
            {
                var body = faker.PickRandom(DemoVocabulary.Comments);
                var parent = topLevel.Count > 0 && faker.Random.Bool(0.3f) ? faker.PickRandom(topLevel) : null;
                var comment = new Comment
                {
                    EntryId = entry.Id,
                    Parent = parent,
                    AuthorId = faker.PickRandom(users).Id,
                    Body = body,
                    BodyHtml = markdown.TryRender(body)!,
                    CreatedAt = Between(faker, parent?.CreatedAt ?? entry.CreatedAt, now),
                };
                if (parent is null) topLevel.Add(comment);
                comments.Add(comment);
            }
            entry.CommentCount = commentCount;
            db.Entry(entry).State = EntityState.Modified;
        }
        db.Votes.AddRange(votes);
        db.Follows.AddRange(follows);
        db.Comments.AddRange(comments);
    }

    private static DateTime Between(Faker faker, DateTime from, DateTime to) =>
        from.AddSeconds(faker.Random.Double(0, Math.Max(1, (to - from).TotalSeconds)));

    private static string Ascii(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => c is >= 'a' and <= 'z' or '-').ToArray());
    }
}
