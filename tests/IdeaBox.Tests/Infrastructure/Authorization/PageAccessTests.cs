using System.Reflection;
using System.Text.RegularExpressions;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Experts;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdeaBox.Tests.Infrastructure.Authorization;

/// <summary>
/// Every handler of every page, for an anonymous visitor and for one user of each role, against a
/// table of who may reach it. A page or handler added without a line in the table fails the test.
/// Each answer also carries the security headers, and is never stored when the person is signed in.
/// </summary>
[Collection(Pages.Name)]
public sealed partial class PageAccessTests(AppFixture app) : AppTest(app)
{
    /// <summary>Who may reach a handler: anyone, any signed-in user, the holders of a permission, or one person (the owner of what it shows).</summary>
    private sealed record Rule(string Who, string Query = "");

    private const string Anyone = "anyone";
    private const string SignedIn = "signed-in";
    private static Rule Open(string query = "") => new(Anyone, query);
    private static Rule Users(string query = "") => new(SignedIn, query);
    private static Rule Needs(string permission, string query = "") => new(permission, query);
    private static Rule OwnedBy(string identity, string query = "") => new("owner:" + identity, query);
    /// <summary>Not served in this configuration (the organisation's sign-in is off here): 404 for everyone.</summary>
    private static Rule NotConfigured() => new(Absent);
    private const string Absent = "absent";

    /// <summary>Keyed by page, or by page and handler ("GET Export"); the query completes the handler's address.</summary>
    private static readonly Dictionary<string, Rule> Table = new()
    {
        ["/Index GET"] = Users(),
        ["/Error GET"] = Open(),
        ["/Error POST"] = Open(),
        ["/Privacy GET"] = Open(),
        ["/Accessibility GET"] = Open(),
        ["/Culture GET"] = Open(),
        ["/Culture POST"] = Open("culture=en-GB"),
        ["/Account/Login GET"] = Open(),
        ["/Account/Login POST"] = Open(),
        ["/Account/Logout GET"] = Users(),
        ["/Account/Logout POST"] = Users(),
        ["/Account/SetPassword"] = Open(),
        ["/Account/ForgotPassword"] = Open(),
        ["/Account/ChangePassword"] = Users(),
        ["/Account/External"] = NotConfigured(),
        ["/Account/TwoFactor"] = Users(),
        ["/Account/MyData"] = Users(),
        ["/Account/LoginWith2fa"] = Open(),
        ["/Account/ExternalError"] = Open("reason=Issuer"),
        ["/Settings GET"] = Users(),
        ["/Settings POST"] = Users(),
        ["/Entries/Index GET"] = Users(),
        ["/Entries/Index GET Export"] = Needs(Permissions.Export, "format=Csv"),
        ["/Entries/New GET"] = Users(),
        ["/Entries/New POST"] = Users(),
        ["/Entries/Mine GET"] = Users(),
        ["/Entries/Similar GET"] = Users("title=imprimante"),
        ["/Entries/Details GET"] = Users(),
        ["/Entries/Details POST Follow"] = Users(),
        ["/Entries/Details POST Unfollow"] = Users(),
        ["/Entries/Details POST Vote"] = Users(),
        ["/Entries/Details POST Unvote"] = Users(),
        ["/Entries/Details POST Comment"] = Users(),
        // Hidden, then shown again, so that the handlers after these find the comment as it was.
        ["/Entries/Details POST HideComment"] = Needs(Permissions.Moderate, "Moderation.CommentId={comment}&Moderation.Reason=Injurieux"),
        ["/Entries/Details POST ShowComment"] = Needs(Permissions.Moderate, "Moderation.CommentId={comment}"),
        ["/Entries/Edit GET"] = OwnedBy(Roles.Agent),
        ["/Entries/Edit POST"] = OwnedBy(Roles.Agent),
        ["/Entries/Moderate"] = Needs(Permissions.Moderate),
        ["/Entries/Moderate POST Unlink"] = Needs(Permissions.Moderate, "difficultyId={difficulty}"),
        ["/Comments/Edit GET"] = OwnedBy(Roles.Agent),
        ["/Comments/Edit POST"] = OwnedBy(Roles.Agent),
        ["/Notifications/Index GET"] = Users(),
        ["/Notifications/Index POST Open"] = OwnedBy(Roles.Agent, "id={notification}"),
        ["/Notifications/Index POST Read"] = OwnedBy(Roles.Agent, "id={notification}"),
        ["/Notifications/Index POST ReadAll"] = Users(),
        ["/Plan/Index GET"] = Users(),
        ["/Plan/Index GET Export"] = Needs(Permissions.Export, "format=Csv"),
        ["/Plan/Index POST Move"] = Needs(Permissions.Moderate, "id={project}&direction=Up"),
        ["/Plan/Projects/Details GET"] = Users(),
        ["/Clusters/Index GET"] = Users(),
        ["/Clusters/Index POST"] = Needs(Permissions.Moderate, "NewCluster.Name=Accueil"),
        ["/Clusters/Details GET"] = Users(),
        ["/Clusters/Details POST Rename"] = Needs(Permissions.Moderate, "RenameForm.Name=Accueil"),
        ["/Clusters/Details POST Add"] = Needs(Permissions.Moderate, "EntryId={difficulty}"),
        ["/Clusters/Details POST Remove"] = Needs(Permissions.Moderate, "EntryId={difficulty}"),
        ["/Clusters/Details POST Promote"] = Needs(Permissions.Moderate),
        ["/Clusters/Details POST Delete"] = Needs(Permissions.Moderate),
        ["/Calls/Index GET"] = Users(),
        ["/Calls/Details GET"] = Users(),
        ["/Jobs/Index GET"] = Users(),
        ["/Jobs/Details GET"] = OwnedBy(Roles.Agent),
        ["/Jobs/Details GET Status"] = OwnedBy(Roles.Agent),
        ["/Jobs/Details GET Download"] = OwnedBy(Roles.Agent),
        ["/Calls/Details GET Export"] = Needs(Permissions.Export, "format=Csv"),
        ["/Calls/New"] = Needs(Permissions.Moderate),
        ["/Calls/Edit"] = Needs(Permissions.Moderate),
        ["/Mirror/Index GET"] = Users(),
        ["/Successes/Index GET"] = Users(),
        ["/Entries/Report GET"] = Users(),
        ["/Entries/Report POST"] = Users(),
        ["/Mirror/Index GET Export"] = Needs(Permissions.Export, "format=Csv"),
        // The world's project is owned by no one: only moderators report on it.
        ["/Plan/Projects/Details POST Note"] = Needs(Permissions.Moderate, "NoteBody=Avancement"),
        ["/Plan/Nodes/New"] = Needs(Permissions.Moderate, "level=Axis"),
        ["/Plan/Nodes/Edit"] = Needs(Permissions.Moderate),
        ["/Plan/Nodes/Edit POST Delete"] = Needs(Permissions.Moderate, "id={spare-project}"),
        ["/Expert/Index"] = Needs(Permissions.GiveExpertOpinions),
        ["/Expert/Answer"] = OwnedBy(Roles.Expert),
        ["/Dashboard/Index"] = Needs(Permissions.ReadDashboard),
        ["/Dashboard/Index GET Export"] = Needs(Permissions.ReadDashboard, "table=heatmap&format=Csv"),
        ["/Moderation/Index"] = Needs(Permissions.Moderate),
        ["/Moderation/Import"] = Needs(Permissions.Moderate),
        ["/Moderation/Log"] = Needs(Permissions.Moderate),
        ["/Moderation/Reports"] = Needs(Permissions.Moderate),
        ["/Admin/Index"] = Needs(Permissions.Administer),
        ["/Admin/Users/Index"] = Needs(Permissions.Administer),
        ["/Admin/Users/Index POST Roles"] = Needs(Permissions.Administer, "id={agent}"),
        ["/Admin/Users/New"] = Needs(Permissions.Administer),
        ["/Admin/Users/Import"] = Needs(Permissions.Administer),
        ["/Admin/Users/Account"] = Needs(Permissions.Administer),
        ["/Admin/Security"] = Needs(Permissions.Administer),
        ["/Admin/Branding"] = Needs(Permissions.Administer),
        ["/Admin/Mail"] = Needs(Permissions.Administer),
        ["/Admin/Mail POST Resend"] = Needs(Permissions.Administer, "id={mail}"),
        ["/Admin/Themes"] = Needs(Permissions.Administer),
        ["/Admin/Themes POST Rename"] = Needs(Permissions.Administer, "id={theme}"),
        ["/Admin/Themes POST Delete"] = Needs(Permissions.Administer, "id={spare-theme}"),
        ["/Admin/Units"] = Needs(Permissions.Administer),
        ["/Admin/Units POST Rename"] = Needs(Permissions.Administer, "id={unit}"),
    };

    /// <summary>The route's {id} for each page that has one.</summary>
    private static readonly Dictionary<string, string> RouteIds = new()
    {
        ["/Entries/Details"] = "entry", ["/Entries/Edit"] = "entry", ["/Entries/Moderate"] = "entry", ["/Entries/Report"] = "entry", ["/Comments/Edit"] = "comment",
        ["/Expert/Answer"] = "request", ["/Plan/Projects/Details"] = "project", ["/Plan/Nodes/Edit"] = "project", ["/Error"] = "code",
        ["/Admin/Users/Account"] = "spare-user", ["/Clusters/Details"] = "cluster", ["/Calls/Details"] = "call", ["/Calls/Edit"] = "call",
        ["/Jobs/Details"] = "job",
    };

    private sealed record Handler(string Page, string Verb, string Name)
    {
        public string Key => Name.Length == 0 ? $"{Page} {Verb}" : $"{Page} {Verb} {Name}";
    }

    /// <summary>Every page the app serves and every handler method of its model (a page without one answers GET).</summary>
    private IReadOnlyList<Handler> DiscoverHandlers()
    {
        var pages = App.Service<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Select(d => d.ViewEnginePath).Distinct().Order().ToList();
        var models = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t)).ToDictionary(t => t.FullName!);
        var handlers = new List<Handler>();
        foreach (var page in pages)
        {
            if (!models.TryGetValue("IdeaBox.Web.Pages" + page.Replace('/', '.') + "Model", out var model))
            {
                handlers.Add(new Handler(page, "GET", ""));
                continue;
            }
            // The page's own handlers and those it inherits from the app's base pages (CsvImportPageModel), not the framework's.
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.DeclaringType?.Assembly == model.Assembly))
            {
                if (HandlerMethod().Match(method.Name) is { Success: true } match)
                    handlers.Add(new Handler(page, match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value));
            }
        }
        return handlers.Distinct().ToList();
    }

    [GeneratedRegex("^On(Get|Post)(\\w*?)(Async)?$")]
    private static partial Regex HandlerMethod();

    private static Rule RuleFor(Handler handler) =>
        Table.GetValueOrDefault(handler.Key) ?? Table.GetValueOrDefault(handler.Page)
        ?? throw new InvalidOperationException($"No rule for {handler.Key}");

    [Fact]
    public void Every_handler_has_a_rule_and_every_rule_a_handler()
    {
        var handlers = DiscoverHandlers();
        var unruled = handlers.Where(h => !Table.ContainsKey(h.Key) && !Table.ContainsKey(h.Page)).Select(h => h.Key).ToList();
        Assert.True(unruled.Count == 0, "Handlers without a rule: " + string.Join(", ", unruled));
        var stale = Table.Keys.Where(k => !handlers.Any(h => h.Key == k || h.Page == k)).ToList();
        Assert.True(stale.Count == 0, "Rules without a handler: " + string.Join(", ", stale));
        Assert.True(handlers.Count > 50, $"Only {handlers.Count} handlers found.");
    }

    [Fact]
    public async Task Every_handler_answers_each_role_as_the_table_says()
    {
        var users = new Dictionary<string, TestUser>
        {
            [Roles.Agent] = await Given.AnAgent(),
            [Roles.Expert] = await Given.AnExpert(),
            [Roles.Moderator] = await Given.AModerator(),
            [Roles.Leadership] = await Given.ALeader(),
            [Roles.Administrator] = await Given.AnAdministrator(),
        };
        var ids = await WorldAsync(users);
        var clients = new Dictionary<string, AppClient> { [Anyone] = App.Anonymous() };
        foreach (var (role, user) in users) clients[role] = await SignInAsync(user);

        var mismatches = new List<string>();
        foreach (var handler in DiscoverHandlers())
        {
            var rule = RuleFor(handler);
            var url = Url(handler, rule, ids);
            foreach (var identity in clients.Keys.ToList())
            {
                var sharedClient = clients[identity];
                var response = handler.Verb == "GET" ? await sharedClient.Http.GetAsync(url) : await PostAsync(sharedClient, url);
                // Signing out ends every session of the person: the next handlers get a new one.
                if (handler.Page == "/Account/Logout" && handler.Verb == "POST" && identity != Anyone)
                    clients[identity] = await SignInAsync(users[identity]);
                // Every answer, whatever its status, carries the security headers (WebSecurityTests).
                if (SecurityHeadersAssert.Problems(response, signedIn: identity != Anyone) is { Count: > 0 } missing)
                    mismatches.Add($"{handler.Key} as {identity}: {string.Join("; ", missing)}");
                var expected = Expected(rule, identity, users);
                var actual = Outcome(response);
                if (expected != actual && !(expected == "refused" && actual == "not found" && rule.Who.StartsWith("owner:")))
                    mismatches.Add($"{handler.Key} as {identity}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static string Expected(Rule rule, string identity, Dictionary<string, TestUser> users)
    {
        if (rule.Who == Anyone) return "reached";
        if (rule.Who == Absent) return "not found";
        if (identity == Anyone) return "sign-in";
        var allowed = rule.Who switch
        {
            SignedIn => true,
            var owner when owner.StartsWith("owner:") => owner["owner:".Length..] == identity,
            var permission => Permissions.Grant(permission, users[identity].IsInRole),
        };
        return allowed ? "reached" : "refused";
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl", StringComparison.Ordinal) == true => "sign-in",
        HttpStatusCode.Forbidden => "refused",
        HttpStatusCode.NotFound => "not found",
        _ => "reached",
    };

    private static string Url(Handler handler, Rule rule, Dictionary<string, object> ids)
    {
        var path = handler.Page == "/Index" ? "/" : handler.Page.EndsWith("/Index", StringComparison.Ordinal) ? handler.Page[..^"/Index".Length] : handler.Page;
        if (RouteIds.TryGetValue(handler.Page, out var id))
        {
            var value = ids[id];
            path = handler.Page switch
            {
                "/Entries/Details" => $"/Entries/{value}",
                "/Entries/Edit" => $"/Entries/{value}/Edit",
                "/Entries/Moderate" => $"/Entries/{value}/Moderate",
                "/Entries/Report" => $"/Entries/{value}/Report",
                "/Comments/Edit" => $"/Comments/{value}/Edit",
                "/Expert/Answer" => $"/Expert/{value}",
                "/Plan/Projects/Details" => $"/Plan/Projects/{value}",
                "/Plan/Nodes/Edit" => $"/Plan/Nodes/{value}/Edit",
                "/Error" => $"/Error/{value}",
                "/Admin/Users/Account" => $"/Admin/Users/Account/{value}",
                "/Clusters/Details" => $"/Clusters/{value}",
                "/Calls/Details" => $"/Calls/{value}",
                "/Calls/Edit" => $"/Calls/{value}/Edit",
                "/Jobs/Details" => $"/Jobs/{value}",
                _ => throw new InvalidOperationException(handler.Page),
            };
        }
        var query = Placeholder().Replace(rule.Query, m => Convert.ToString(ids[m.Groups[1].Value], System.Globalization.CultureInfo.InvariantCulture)!);
        if (handler.Name.Length > 0) query = $"handler={handler.Name}" + (query.Length > 0 ? "&" + query : "");
        if (handler.Page == "/Plan/Nodes/Edit" && handler.Name == "Delete") path = $"/Plan/Nodes/{ids["spare-project"]}/Edit";
        if (handler.Page == "/Clusters/Details" && handler.Name == "Delete") path = $"/Clusters/{ids["spare-cluster"]}";
        return query.Length > 0 ? $"{path}?{query}" : path;
    }

    [GeneratedRegex("\\{([a-z-]+)\\}")]
    private static partial Regex Placeholder();

    /// <summary>A post with the antiforgery token of the client's session, taken from a page everyone may open.</summary>
    private static async Task<HttpResponseMessage> PostAsync(AppClient client, string url)
    {
        var (_, page) = await client.Get("/Privacy");
        return await client.PostWithToken(AppClient.Token(page, "form.language"), url);
    }

    /// <summary>Something behind every id a page needs, owned by the agent (the entry, the comment, the notification) or the expert (the request).</summary>
    private async Task<Dictionary<string, object>> WorldAsync(Dictionary<string, TestUser> users)
    {
        var agent = users[Roles.Agent];
        var idea = await Given.AnEntry(EntryKind.Idea, author: agent);
        var difficulty = await Given.AnEntry(EntryKind.Difficulty);
        await Send(new Web.Features.Moderation.LinkAnswer(idea, difficulty), users[Roles.Moderator]);
        var comment = await Send(new AddComment(idea, null, "Le mien"), agent);
        await Send(new AddComment(idea, null, "Un autre"), users[Roles.Leadership]);
        var notification = await WithDb(db => db.Notifications.Where(n => n.UserId == agent.Id).Select(n => (int)n.Id).FirstAsync());
        var request = await Send(new RequestExpertOpinion(idea, users[Roles.Expert].Id, "Faisable ?"), users[Roles.Moderator]);
        var (_, _, oo) = await Given.APlanBranch();
        var project = await Given.AProject(oo);
        var spareProject = await Given.AProject(oo);
        var theme = await Given.ATheme();
        var spareTheme = await Given.ATheme();
        var unit = await Given.AUnit();
        // Administrators act on this account (disable it…), not on one whose client the test goes on using.
        var spareUser = await Given.AnAgent();
        var cluster = await Send(new Web.Features.Clusters.CreateCluster("Accueil", null), users[Roles.Moderator]);
        var spareCluster = await Send(new Web.Features.Clusters.CreateCluster("Sans suite", null), users[Roles.Moderator]);
        var call = await Send(new Web.Features.Calls.OpenCall(new(
            "Que simplifier ?", null, [EntryKind.Idea], [], [], Clock.Today, Clock.Today.AddDays(30))), users[Roles.Moderator]);
        // A finished export of the agent's (as if the agent had held the permission), with its file.
        var job = new Job
        {
            Id = Guid.NewGuid(), Kind = JobKind.ExportEntries, OwnerId = agent.Id, State = JobState.Succeeded, Input = "{}",
            FileName = "export.csv", ContentType = "text/csv", Content = [1, 2, 3], CreatedAt = Clock.GetUtcNow().UtcDateTime, FinishedAt = Clock.GetUtcNow().UtcDateTime
        };
        await WithDb(db => { db.Jobs.Add(job); return db.SaveChangesAsync(); });
        // An e-mail the server refused, kept for another try.
        var mail = new MailRetry { ToAddress = "x@ministere.example", ToName = "X", Subject = "Essai", Text = "Texte", CreatedAt = Clock.UtcNow };
        mail.Failed(Clock.UtcNow, "Connection refused");
        await WithDb(db => { db.MailRetries.Add(mail); return db.SaveChangesAsync(); });
        return new()
        {
            ["entry"] = idea, ["difficulty"] = difficulty, ["comment"] = comment, ["notification"] = notification, ["request"] = request,
            ["project"] = project, ["spare-project"] = spareProject, ["theme"] = theme.Id, ["spare-theme"] = spareTheme.Id, ["unit"] = unit.Id,
            ["agent"] = agent.Id, ["spare-user"] = spareUser.Id, ["code"] = 400, ["cluster"] = cluster, ["spare-cluster"] = spareCluster, ["call"] = call,
            ["job"] = job.Id, ["mail"] = mail.Id,
        };
    }
}
