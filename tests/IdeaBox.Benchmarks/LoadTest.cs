using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace IdeaBox.Benchmarks;

/// <summary>
/// Starts the app (Release build output, Production, its own process) on a generated database and loads
/// every page a signed-in user reaches, plus the writes, with concurrent clients. The figure that
/// counts is the <b>server process's CPU time per request</b> (utime + stime from /proc/PID/stat over a
/// phase, divided by the requests it served), as a multiple of the anonymous privacy page in the same
/// run: requests per second from a client that shares the machine's two cores would hide it. Pages
/// take turns in rounds (the order reversed every other round), so that the machine's noise falls on all.
/// </summary>
public static partial class LoadTest
{
    public sealed record Options(string Database, int Concurrency = 16, int Seconds = 120, int Port = 5199, string? Only = null);

    /// <summary>Who asks: nobody, the leader (Leadership), the moderator (Moderator, Expert, Administrator).</summary>
    private enum Who { Anonymous, Leader, Moderator }

    /// <summary>A page or a write; <paramref name="Target"/> is the issue's limit as a multiple of the yardstick, if it names one.</summary>
    private sealed record Page(string Name, Who Who, Func<Random, Request?> Next, double? Target = null);

    /// <summary>A GET, or a POST of a form (the antiforgery token added).</summary>
    private sealed record Request(string Url, Dictionary<string, string>? Form = null);

    private static Request Get(string url) => new(url);

    public static async Task<int> RunAsync(Options options)
    {
        await using var app = await BenchApp.StartAsync(options.Database, options.Port);
        var anonymous = app.NewClient();
        var leader = app.Http;
        var moderator = app.NewClient();
        await app.SignInAsync(moderator, Generator.ModeratorEmail);
        var clients = new Dictionary<Who, HttpClient> { [Who.Anonymous] = anonymous, [Who.Leader] = leader, [Who.Moderator] = moderator };
        var tokens = new Dictionary<Who, string>
        {
            [Who.Leader] = await app.TokenAsync(leader, "/Privacy"),
            [Who.Moderator] = await app.TokenAsync(moderator, "/Privacy"),
        };

        var popular = await EntryIdsAsync(leader, "/Entries?sort=MostVotes&p=1");
        var ordinary = Enumerable.Range(0, 2000).Select(i => 1 + (int)((long)i * 48_271 % Generator.LastEntryId(options.Database))).ToList();
        var project = await FirstMatchAsync(leader, "/Plan", "href=\"/Plan/Projects/(\\d+)\"");
        // Searches: one or two words drawn from the vocabulary of the generated entries (hundreds of distinct queries).
        string[] words = ["formulaire", "ecole", "congé", "télétravail", "badge", "logiciel", "archives", "courrier", "réunion", "marché",
                "formation", "signature", "papier", "agents", "service", "demande", "validation", "intranet", "salle", "imprimante",
                "remboursement", "frais", "matériel", "accès", "usagers", "délais", "dossier", "procédure", "outil", "partage"];
        string Search(Random r) => r.Next(3) == 0 ? words[r.Next(words.Length)] : $"{words[r.Next(words.Length)]} {words[r.Next(words.Length)]}";

        // Votes go to entries that take votes and that the leader has not voted for (as left by earlier runs on the same
        // database), and are then withdrawn: a refused vote (409) re-renders the entry page and would not measure a vote.
        var voteable = new ConcurrentQueue<int>(Generator.VoteableBy(options.Database, 1, 50_000));
        var withdrawable = new ConcurrentQueue<int>();
        var submitted = 0;
        Page[] pages =
        [
            new("privacy, anonymous", Who.Anonymous, _ => Get("/Privacy"), 1),
            new("privacy, signed in", Who.Leader, _ => Get("/Privacy"), 1.5),
            new("home", Who.Leader, _ => Get("/")),
            new("list, trending p1-5", Who.Leader, r => Get($"/Entries?p={1 + r.Next(5)}"), 3),
            new("list, newest", Who.Leader, r => Get($"/Entries?sort=Newest&p={1 + r.Next(3)}")),
            new("list, by theme", Who.Leader, r => Get($"/Entries?theme={1 + r.Next(12)}")),
            new("list, by unit", Who.Leader, r => Get($"/Entries?unit={1 + r.Next(40)}")),
            new("search, 1-2 words", Who.Leader, r => Get($"/Entries?q={Uri.EscapeDataString(Search(r))}"), 5),
            new("entry, popular", Who.Leader, r => Get($"/Entries/{popular[r.Next(popular.Count)]}"), 3),
            new("entry, ordinary", Who.Leader, r => Get($"/Entries/{ordinary[r.Next(ordinary.Count)]}"), 3),
            new("my entries", Who.Leader, _ => Get("/Entries/Mine")),
            new("plan", Who.Leader, _ => Get("/Plan")),
            new("project", Who.Leader, _ => Get($"/Plan/Projects/{project}")),
            new("notifications", Who.Leader, _ => Get("/Notifications")),
            new("settings", Who.Leader, _ => Get("/Settings")),
            new("dashboard, cached", Who.Leader, r => Get($"/Dashboard?period={(r.Next(2) == 0 ? "Days30" : "Days90")}"), 3),
            new("mirror", Who.Leader, _ => Get("/Mirror")),
            new("triage queue", Who.Moderator, r => Get($"/Moderation?p={1 + r.Next(3)}")),
            new("moderation log", Who.Moderator, _ => Get("/Moderation/Log")),
            new("expert page", Who.Moderator, _ => Get("/Expert")),
            new("admin, users", Who.Moderator, _ => Get("/Admin/Users")),
            new("vote (POST)", Who.Leader, _ => voteable.TryDequeue(out var id) ? Vote(id, withdrawable) : null, 4),
            new("withdraw (POST)", Who.Leader, _ => withdrawable.TryDequeue(out var id) ? new Request($"/Entries/{id}?handler=Unvote", []) : null),
            new("comment (POST)", Who.Leader, r => new Request($"/Entries/{ordinary[r.Next(ordinary.Count)]}?handler=Comment",
                new() { ["Comment.Body"] = "Un commentaire du banc d'essai, pour mesurer l'écriture." })),
            new("submit (POST)", Who.Leader, _ => new Request("/Entries/New", new()
            {
                ["Input.Kind"] = "Idea", ["Input.Title"] = $"Idée du banc d'essai numéro {Interlocked.Increment(ref submitted)}",
                ["Input.Body"] = "Une idée écrite par le banc d'essai, pour mesurer le dépôt.", ["Input.ThemeIds"] = "1", ["Input.SimilarChecked"] = "true",
                ["Input.HideAuthorName"] = "false",
            })),
        ];
        if (options.Only is { Length: > 0 } only) pages = [pages[0], .. pages.Where(p => p.Name.Contains(only, StringComparison.Ordinal) && p != pages[0])];

        Console.WriteLine($"warming up ({pages.Length} pages)…");
        var warm = new Random(1);
        foreach (var page in pages.Where(p => !p.Name.Contains("POST", StringComparison.Ordinal)))
            for (var i = 0; i < 5; i++) await SendAsync(clients[page.Who], tokens, page.Who, page.Next(warm)!, expectOk: true);

        // The dashboard computed from scratch (a period and unit not asked before: no cached copy), one request alone.
        var cold = new List<(string, double, double)>();
        foreach (var period in new[] { "Days30", "Days90", "Months12", "All" })
        {
            var cpu = app.CpuSeconds();
            var sw = Stopwatch.StartNew();
            await SendAsync(leader, tokens, Who.Leader, Get($"/Dashboard?period={period}&unit=2"), expectOk: true);
            cold.Add((period, sw.Elapsed.TotalMilliseconds, (app.CpuSeconds() - cpu) * 1000));
        }

        var rounds = Math.Max(1, options.Seconds / (pages.Length * 2));
        var phase = TimeSpan.FromSeconds((double)options.Seconds / (rounds * pages.Length));
        Console.WriteLine($"load: {options.Concurrency} concurrent clients, {rounds} rounds of {pages.Length} phases of {phase.TotalSeconds:0.00} s, order reversed every other round");
        var stats = pages.ToDictionary(p => p.Name, _ => new Stats());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var page in round % 2 == 0 ? pages : pages.Reverse())
            {
                var stat = stats[page.Name];
                var cpuBefore = app.CpuSeconds();
                var clock = Stopwatch.StartNew();
                var results = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async worker =>
                {
                    var random = new Random(1000 * round + worker);
                    var local = new List<double>();
                    var failed = 0;
                    while (clock.Elapsed < phase && page.Next(random) is { } request)
                    {
                        var sw = Stopwatch.StartNew();
                        var ok = await SendAsync(clients[page.Who], tokens, page.Who, request, expectOk: false);
                        sw.Stop();
                        if (ok) local.Add(sw.Elapsed.TotalMilliseconds);
                        else failed++;
                    }
                    return (local, failed);
                }));
                stat.Seconds += clock.Elapsed.TotalSeconds;
                stat.CpuSeconds += app.CpuSeconds() - cpuBefore;
                foreach (var (local, failed) in results)
                {
                    stat.Latencies.AddRange(local);
                    stat.Failed += failed;
                }
            }
        }

        var yardstick = stats[pages[0].Name].CpuMicroseconds;
        Console.WriteLine();
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {options.Concurrency} clients, {options.Seconds} s");
        Console.WriteLine($"| page | requests | failed | req/s | median ms | p99 ms | server CPU µs/request | × anonymous privacy | target |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var allMet = true;
        var failures = 0;
        foreach (var page in pages)
        {
            var s = stats[page.Name];
            var ratio = s.CpuMicroseconds / yardstick;
            var met = page.Target is not { } limit || ratio <= limit;
            allMet &= met;
            failures += s.Failed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page.Name} | {s.Latencies.Count:N0} | {s.Failed} | {s.Latencies.Count / s.Seconds:0} | {Percentile(s.Latencies, 0.5):0.0} | {Percentile(s.Latencies, 0.99):0.0} | {s.CpuMicroseconds:0} | {ratio:0.00} | {(page.Target is { } t ? $"≤ {t} {(met ? "met" : "**missed**")}" : "")} |"));
        }
        foreach (var (period, ms, cpu) in cold)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard computed cold, {period}, one unit: {ms:0} ms ({cpu:0} ms of server CPU){(ms <= 250 ? "" : " — over 250 ms")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server working set after the run: {app.ResidentMib():0} MiB"));
        Console.WriteLine($"failed requests: {failures}");
        return allMet && failures == 0 ? 0 : 1;
    }

    private static Request Vote(int id, ConcurrentQueue<int> withdrawable)
    {
        withdrawable.Enqueue(id);
        return new Request($"/Entries/{id}?handler=Vote", []);
    }

    private sealed class Stats
    {
        public List<double> Latencies { get; } = [];
        public double Seconds { get; set; }
        public double CpuSeconds { get; set; }
        public int Failed { get; set; }
        public double CpuMicroseconds => Latencies.Count == 0 ? double.NaN : CpuSeconds * 1_000_000 / Latencies.Count;
    }

    /// <summary>A GET must answer 200; a POST (no JavaScript) answers with a redirect to the page it came from.</summary>
    private static async Task<bool> SendAsync(HttpClient http, Dictionary<Who, string> tokens, Who who, Request request, bool expectOk)
    {
        using var response = request.Form is null
            ? await http.GetAsync(request.Url, HttpCompletionOption.ResponseContentRead)
            : await http.PostAsync(request.Url, new FormUrlEncodedContent(request.Form.Append(new("__RequestVerificationToken", tokens[who]))));
        var ok = request.Form is null ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.Redirect;
        if (!ok && expectOk) throw new InvalidOperationException($"{request.Url} answered {(int)response.StatusCode}.");
        await response.Content.LoadIntoBufferAsync();
        return ok;
    }

    /// <summary>Entry ids linked from a page of the list.</summary>
    private static async Task<List<int>> EntryIdsAsync(HttpClient http, string url)
    {
        var html = await http.GetStringAsync(url);
        return EntryLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
    }

    private static async Task<int> FirstMatchAsync(HttpClient http, string url, string pattern)
    {
        var match = Regex.Match(await http.GetStringAsync(url), pattern);
        if (!match.Success) throw new InvalidOperationException($"Nothing matches {pattern} on {url}: generate the data again.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("href=\"/Entries/(\\d+)\"")]
    private static partial Regex EntryLink();

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
