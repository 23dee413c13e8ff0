using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Benchmarks;

/// <summary>
/// Fills a fresh SQLite database, through the app's own migrations, with 5,000 users, 100,000
/// entries, 1,000,000 votes and 300,000 comments (counts and trending scores computed as the app
/// stores them). Rows go in with reused prepared commands inside one transaction; the full-text
/// triggers are set aside during the load and the index is rebuilt once at the end.
/// </summary>
public static class Generator
{
    public const string Password = "Bench-Password-2026";
    public const string LeaderEmail = "direction@bench.local";
    /// <summary>User 2: moderator, expert and administrator, for the pages of those roles.</summary>
    public const string ModeratorEmail = "moderation@bench.local";

    /// <summary>Up to <paramref name="count"/> entries (highest ids first) that take votes and that <paramref name="userId"/> has not voted for.</summary>
    public static List<int> VoteableBy(string path, int userId, int count)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        var open = string.Join(',', VoteRules.OpenStatuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"""
            SELECT e.Id FROM Entries e WHERE e.Status IN ({open}) AND e.CallId IS NULL
              AND NOT EXISTS (SELECT 1 FROM Votes v WHERE v.EntryId = e.Id AND v.UserId = $user)
            ORDER BY e.Id DESC LIMIT $count
            """;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$count", count);
        var ids = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    /// <summary>The highest entry id of a generated database.</summary>
    public static int LastEntryId(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(Id) FROM Entries";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public sealed record Sizes(int Users = 5_000, int Entries = 100_000, int Votes = 1_000_000, int Comments = 300_000);

    public static async Task RunAsync(string path, Sizes sizes)
    {
        var total = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        var connectionString = $"Data Source={path}";
        var options = new DbContextOptionsBuilder<IdeaBoxDb>()
            .UseSqlite(connectionString, x => x.MigrationsAssembly("IdeaBox.Migrations.Sqlite")).Options;
        await using (var db = new IdeaBoxDb(options)) await db.Database.MigrateAsync();
        Console.WriteLine($"schema ready in {total.Elapsed.TotalSeconds:0.0} s");

        var random = new Random(20261129);
        var now = DateTime.UtcNow;
        var trending = new Trending(TimeSpan.FromDays(7));
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        var triggers = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'Entries_Fts_%'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) triggers.Add(reader.GetString(0));
        }
        await Exec(connection, "DROP TRIGGER Entries_Fts_Insert; DROP TRIGGER Entries_Fts_Delete; DROP TRIGGER Entries_Fts_Update;");

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var step = Stopwatch.StartNew();

        // Units: the demo tree, repeated under a few more general administrations.
        var units = new List<(int Id, string Path, int Depth)>();
        var unitId = 0;
        var insertUnit = Prepare(connection, tx, "INSERT INTO Units (Id, Name, ParentId, Path, Depth) VALUES ($1, $2, $3, $4, $5)", 5);
        void AddUnit(DemoVocabulary.UnitNode node, int? parent, string parentPath, int depth, string suffix)
        {
            var id = ++unitId;
            var unitPath = $"{parentPath}{id}/";
            Run(insertUnit, id, node.Name + suffix, parent, unitPath, depth);
            units.Add((id, unitPath, depth));
            foreach (var child in node.Children) AddUnit(child, id, unitPath, depth + 1, suffix);
        }
        for (var copy = 0; copy < 3; copy++)
            foreach (var root in DemoVocabulary.Units) AddUnit(root, null, "/", 0, copy == 0 ? "" : $" ({copy + 1})");
        var insertTheme = Prepare(connection, tx, "INSERT INTO Themes (Id, Name) VALUES ($1, $2)", 2);
        for (var t = 0; t < DemoVocabulary.Themes.Length; t++) Run(insertTheme, t + 1, DemoVocabulary.Themes[t]);

        // Users: one password hash for all (PBKDF2 is slow by design); every user is an agent.
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, Password);
        var insertUser = Prepare(connection, tx, """
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp,
                ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, UnitId, DigestOptOut)
            VALUES ($1, $2, $3, $2, $3, 1, $4, $5, $6, 0, 0, 1, 0, $7, $8, 0)
            """, 8);
        var services = units.Where(u => u.Depth == 2).ToList();
        for (var u = 1; u <= sizes.Users; u++)
        {
            var email = u switch { 1 => LeaderEmail, 2 => ModeratorEmail, _ => $"agent{u}@bench.local" };
            Run(insertUser, u, email, email.ToUpperInvariant(), hash, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(),
                u == 1 ? "Direction (benchmark)" : $"Agent {u}", services[random.Next(services.Count)].Id);
        }
        foreach (var role in Roles.ByPrecedence)
            await Exec(connection, $"INSERT INTO AspNetRoles (Name, NormalizedName, ConcurrencyStamp) VALUES ('{role}', '{role.ToUpperInvariant()}', '{Guid.NewGuid()}')", tx);
        await Exec(connection, $"""
            INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT u.Id, r.Id FROM AspNetUsers u, AspNetRoles r WHERE r.Name = 'Agent';
            INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT 1, r.Id FROM AspNetRoles r WHERE r.Name = 'Leadership';
            INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT 2, r.Id FROM AspNetRoles r WHERE r.Name IN ('Moderator', 'Expert', 'Administrator');
            """, tx);
        Console.WriteLine($"{units.Count} units, {sizes.Users:N0} users in {step.Elapsed.TotalSeconds:0.0} s");
        step.Restart();

        // Entries are written after their votes are drawn, so that counts and scores go in at once.
        var created = new DateTime[sizes.Entries + 1];
        for (var e = 1; e <= sizes.Entries; e++) created[e] = now.AddMinutes(-Math.Pow(random.NextDouble(), 1.5) * 730 * 24 * 60);
        var voteCount = new int[sizes.Entries + 1];
        var scores = Enumerable.Repeat(Trending.NoVotes, sizes.Entries + 1).ToArray();
        var votes = new (int Entry, int User, DateTime At)[sizes.Votes];
        var seen = new HashSet<long>(sizes.Votes);
        for (var v = 0; v < sizes.Votes; v++)
        {
            int entry, user;
            do
            {
                // A long tail: a few entries gather thousands of votes, most a handful.
                entry = 1 + (int)(Math.Pow(random.NextDouble(), 2.2) * sizes.Entries);
                user = 1 + random.Next(sizes.Users);
            }
            while (!seen.Add(((long)entry << 32) | (uint)user));
            var at = created[entry].AddSeconds(random.NextDouble() * Math.Max(1, (now - created[entry]).TotalSeconds));
            votes[v] = (entry, user, at);
            voteCount[entry]++;
            scores[entry] = trending.AddVote(scores[entry], at);
        }
        var commentCount = new int[sizes.Entries + 1];
        var comments = new (int Entry, int User)[sizes.Comments];
        for (var c = 0; c < sizes.Comments; c++)
        {
            var entry = 1 + (int)(Math.Pow(random.NextDouble(), 1.8) * sizes.Entries);
            comments[c] = (entry, 1 + random.Next(sizes.Users));
            commentCount[entry]++;
        }

        var insertEntry = Prepare(connection, tx, """
            INSERT INTO Entries (Id, Kind, Title, Body, BodyHtml, UnitId, AuthorId, HideAuthorName, Origin, Status, CreatedAt, UpdatedAt,
                VoteCount, CommentCount, TrendingScore, ReviewedAt, SupportUnits, SupportAdministrations, BreadthStale)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, $8, $9, $9, $10, $11, $12, $13, 0, 0, 0)
            """, 13);
        var insertLink = Prepare(connection, tx, "INSERT INTO EntryThemes (EntriesId, ThemesId) VALUES ($1, $2)", 2);
        var templates = new[] { (EntryKind.Difficulty, DemoVocabulary.Difficulties), (EntryKind.Idea, DemoVocabulary.Ideas), (EntryKind.Initiative, DemoVocabulary.Initiatives) };
        var statuses = new[] { EntryStatus.Submitted, EntryStatus.UnderReview, EntryStatus.Accepted, EntryStatus.InPlan, EntryStatus.Done, EntryStatus.Declined };
        var themeIds = DemoVocabulary.Themes.Select((name, i) => (name, id: i + 1)).ToDictionary(x => x.name, x => x.id);
        for (var e = 1; e <= sizes.Entries; e++)
        {
            var (kind, list) = templates[random.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 }];
            var template = list[random.Next(list.Length)];
            var title = string.Format(CultureInfo.InvariantCulture, template.Format, template.First[random.Next(template.First.Length)], template.Second[random.Next(template.Second.Length)]);
            if (title.Length > 100) title = title[..100];
            title += $" (n° {e})";
            var body = DemoVocabulary.Contexts[random.Next(DemoVocabulary.Contexts.Length)] + "\n\n- " + DemoVocabulary.Impacts[random.Next(DemoVocabulary.Impacts.Length)];
            var status = statuses[random.Next(statuses.Length)];
            Run(insertEntry, e, (int)kind, title, body, "<p>" + System.Net.WebUtility.HtmlEncode(body) + "</p>", services[random.Next(services.Count)].Id,
                1 + random.Next(sizes.Users), (int)status, created[e], voteCount[e], commentCount[e], scores[e],
                status == EntryStatus.Submitted ? null : created[e].AddHours(random.NextDouble() * 400));
            foreach (var theme in template.Themes.Take(1 + random.Next(2))) Run(insertLink, e, themeIds[theme]);
        }
        Console.WriteLine($"{sizes.Entries:N0} entries in {step.Elapsed.TotalSeconds:0.0} s");
        step.Restart();

        var insertVote = Prepare(connection, tx, "INSERT INTO Votes (EntryId, UserId, CreatedAt) VALUES ($1, $2, $3)", 3);
        foreach (var (entry, user, at) in votes) Run(insertVote, entry, user, at);
        Console.WriteLine($"{sizes.Votes:N0} votes in {step.Elapsed.TotalSeconds:0.0} s");
        step.Restart();

        var insertComment = Prepare(connection, tx, "INSERT INTO Comments (EntryId, AuthorId, Body, BodyHtml, CreatedAt) VALUES ($1, $2, $3, $4, $5)", 5);
        foreach (var (entry, user) in comments)
        {
            var text = DemoVocabulary.Comments[random.Next(DemoVocabulary.Comments.Length)];
            Run(insertComment, entry, user, text, "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
                created[entry].AddSeconds(random.NextDouble() * Math.Max(1, (now - created[entry]).TotalSeconds)));
        }
        Console.WriteLine($"{sizes.Comments:N0} comments in {step.Elapsed.TotalSeconds:0.0} s");
        step.Restart();

        // The plan: 4 axes, 3 strategic and 3 operational objectives under each, 4 projects under each of those
        // (144 projects), each carrying 10 of the accepted entries.
        var insertNode = Prepare(connection, tx, """
            INSERT INTO PlanNodes (Id, Level, ParentId, Position, Title, UnitId, ProjectStatus, Progress, OwnerId)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, 9);
        var insertCarried = Prepare(connection, tx, "INSERT INTO ProjectEntries (ProjectId, EntryId, CreatedAt) VALUES ($1, $2, $3)", 3);
        var accepted = new Queue<int>(Enumerable.Range(1, sizes.Entries).Where(e => e % 7 == 3));
        var nodeId = 0;
        void AddNode(PlanLevel level, int? parent, int position)
        {
            var id = ++nodeId;
            var isProject = level == PlanLevel.Project;
            Run(insertNode, id, (int)level, parent, position, $"{level} {id} — {DemoVocabulary.Themes[id % DemoVocabulary.Themes.Length]}",
                services[id % services.Count].Id, isProject ? id % 3 : 0, isProject ? id * 7 % 101 : 0, isProject ? 2 : null);
            if (isProject)
                for (var i = 0; i < 10 && accepted.TryDequeue(out var entry); i++) Run(insertCarried, id, entry, now);
            else
                for (var child = 1; child <= (level == PlanLevel.OperationalObjective ? 4 : 3); child++) AddNode(level + 1, id, child);
        }
        for (var axis = 1; axis <= 4; axis++) AddNode(PlanLevel.Axis, null, axis);
        await Exec(connection, $"""
            UPDATE Entries SET Status = {(int)EntryStatus.InPlan} WHERE Id IN (SELECT EntryId FROM ProjectEntries);
            UPDATE Entries SET Status = {(int)EntryStatus.Accepted} WHERE Id % 7 = 3 AND Id NOT IN (SELECT EntryId FROM ProjectEntries);
            UPDATE Entries SET Status = {(int)EntryStatus.UnderReview} WHERE Id % 11 = 5 AND Status = {(int)EntryStatus.Submitted};
            """, tx);

        // Who follows what (authors and voters, as the app records it), what they were told (a notification per
        // comment to the entry's author, two thirds read), expert requests to user 2, and the audit trail (every
        // submission, every status change).
        await Exec(connection, $"""
            INSERT OR IGNORE INTO Follows (EntryId, UserId, CreatedAt) SELECT Id, AuthorId, CreatedAt FROM Entries;
            INSERT OR IGNORE INTO Follows (EntryId, UserId, CreatedAt) SELECT EntryId, UserId, CreatedAt FROM Votes;
            INSERT INTO Notifications (UserId, Kind, EntryId, Subject, CreatedAt, ReadAt, CommentId)
                SELECT e.AuthorId, {(int)NotificationKind.CommentOnYourEntry}, c.EntryId, e.Title, c.CreatedAt,
                       CASE WHEN c.Id % 3 = 0 THEN NULL ELSE c.CreatedAt END, c.Id
                FROM Comments c JOIN Entries e ON e.Id = c.EntryId WHERE c.AuthorId <> e.AuthorId;
            INSERT INTO Notifications (UserId, Kind, EntryId, Subject, CreatedAt, ReadAt)
                SELECT 1, {(int)NotificationKind.StatusChanged}, Id, Title, CreatedAt, CASE WHEN Id % 4 = 0 THEN NULL ELSE CreatedAt END
                FROM Entries WHERE Id % 200 = 0;
            INSERT INTO ExpertRequests (EntryId, ExpertId, RequestedById, Question, RequestedAt, Answer, AnswerHtml, AnsweredAt)
                SELECT Id, 2, 2, 'Est-ce faisable ?', CreatedAt,
                       CASE WHEN Id % 2 = 0 THEN 'Oui.' END, CASE WHEN Id % 2 = 0 THEN '<p>Oui.</p>' END, CASE WHEN Id % 2 = 0 THEN CreatedAt END
                FROM Entries WHERE Id % 50 = 7;
            INSERT INTO AuditEvents (EntryId, ActorId, At, Action, ToStatus) SELECT Id, AuthorId, CreatedAt, {(int)AuditAction.Transition}, {(int)EntryStatus.Submitted} FROM Entries;
            INSERT INTO AuditEvents (EntryId, ActorId, At, Action, FromStatus, ToStatus)
                SELECT Id, 2, CreatedAt, {(int)AuditAction.Transition}, {(int)EntryStatus.Submitted}, Status FROM Entries WHERE Status <> {(int)EntryStatus.Submitted};
            """, tx);
        Console.WriteLine($"plan ({nodeId} nodes), follows, notifications, expert requests and audit trail in {step.Elapsed.TotalSeconds:0.0} s");
        step.Restart();

        await tx.CommitAsync();
        foreach (var trigger in triggers) await Exec(connection, trigger);
        // The breadth of each entry's support (distinct units, and top-level units from the path "/root/…/"), as the app's recount gives it.
        await Exec(connection, """
            CREATE TEMP TABLE Support AS
                SELECT s.EntryId, u.UnitId, CAST(substr(un.Path, 2, instr(substr(un.Path, 2), '/') - 1) AS INTEGER) AS RootId
                FROM (SELECT EntryId, UserId FROM Votes UNION SELECT EntryId, AuthorId FROM Comments) s
                JOIN AspNetUsers u ON u.Id = s.UserId JOIN Units un ON un.Id = u.UnitId;
            CREATE INDEX TempSupportEntry ON Support (EntryId);
            UPDATE Entries SET
                SupportUnits = (SELECT COUNT(DISTINCT UnitId) FROM Support WHERE Support.EntryId = Entries.Id),
                SupportAdministrations = (SELECT COUNT(DISTINCT RootId) FROM Support WHERE Support.EntryId = Entries.Id);
            DROP TABLE Support;
            """);
        await Exec(connection, "INSERT INTO EntriesFts(EntriesFts) VALUES ('rebuild'); PRAGMA synchronous=NORMAL; ANALYZE;");
        Console.WriteLine($"full-text index and statistics in {step.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"generated {path} in {total.Elapsed.TotalSeconds:0.0} s");
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter("$" + i, null));
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                var v => v,
            };
        command.ExecuteNonQuery();
    }

    private static async Task Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
