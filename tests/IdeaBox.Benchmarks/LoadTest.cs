using System.Net;
using System.Text.RegularExpressions;

namespace IdeaBox.Benchmarks;

/// <summary>
/// Starts the app (Release build output, Production, its own process) on a generated database,
/// signs in, and loads the list, a search, an entry page and the dashboard under concurrent load,
/// interleaved with the app's own privacy page in the same run. Prints requests per second,
/// median and p95 latency, and each page's cost as a ratio to the privacy page.
/// </summary>
public static partial class LoadTest
{
    public sealed record Options(string Database, int Concurrency = 16, int Seconds = 30, int Port = 5199);

    private sealed record Target(string Name, Func<Random, string> Url, double MaxRatio);

    public static async Task<int> RunAsync(Options options)
    {
        await using var app = await BenchApp.StartAsync(options.Database, options.Port);
        var http = app.Http;
        var entryIds = await TopEntryIdsAsync(http);
        // Searches: one or two words drawn from the vocabulary of the generated entries (hundreds of distinct queries).
        string[] words = ["formulaire", "ecole", "congé", "télétravail", "badge", "logiciel", "archives", "courrier", "réunion", "marché",
                "formation", "signature", "papier", "agents", "service", "demande", "validation", "intranet", "salle", "imprimante",
                "remboursement", "frais", "matériel", "accès", "usagers", "délais", "dossier", "procédure", "outil", "partage"];
        string Search(Random r) => r.Next(3) == 0 ? words[r.Next(words.Length)] : $"{words[r.Next(words.Length)]} {words[r.Next(words.Length)]}";
        Target[] targets =
        [
            new("privacy", _ => "/Privacy", 1),
                new("list (trending)", r => $"/Entries?p={1 + r.Next(5)}", 3),
                new("search", r => $"/Entries?q={Uri.EscapeDataString(Search(r))}", 3),
                new("entry page", r => $"/Entries/{entryIds[r.Next(entryIds.Count)]}", 3),
                new("dashboard", r => $"/Dashboard?period={(r.Next(2) == 0 ? "Days30" : "Days90")}", 10),
            ];

        Console.WriteLine($"warming up ({targets.Length} pages)…");
        var warm = new Random(1);
        foreach (var target in targets)
            for (var i = 0; i < 10; i++) await app.Expect200Async(target.Url(warm));

        // The dashboard computed from scratch (a period and unit not asked before: no cached copy).
        foreach (var period in new[] { "Days30", "Days90", "Months12", "All" })
        {
            var sw = Stopwatch.StartNew();
            await app.Expect200Async($"/Dashboard?period={period}&unit=2");
            Console.WriteLine($"dashboard computed from scratch, {period}, one unit: {sw.Elapsed.TotalMilliseconds:0} ms");
        }

        // Phases of a few seconds, one page at a time with every client on it, the pages taking
        // turns round after round (privacy included), so that the machine's noise falls on all.
        var rounds = Math.Max(1, options.Seconds / (targets.Length * 3));
        var phase = TimeSpan.FromSeconds((double)options.Seconds / (rounds * targets.Length));
        Console.WriteLine($"load: {options.Concurrency} concurrent clients, {rounds} rounds of {targets.Length} phases of {phase.TotalSeconds:0.0} s");
        var samples = targets.ToDictionary(t => t.Name, _ => new List<double>());
        var busy = targets.ToDictionary(t => t.Name, _ => 0d);
        var failures = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                var clock = Stopwatch.StartNew();
                var results = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async worker =>
                {
                    var random = new Random(1000 * round + worker);
                    var local = new List<double>();
                    var failed = 0;
                    while (clock.Elapsed < phase)
                    {
                        var sw = Stopwatch.StartNew();
                        using var response = await http.GetAsync(target.Url(random), HttpCompletionOption.ResponseContentRead);
                        sw.Stop();
                        if (response.StatusCode != HttpStatusCode.OK) failed++;
                        else local.Add(sw.Elapsed.TotalMilliseconds);
                    }
                    return (local, failed);
                }));
                busy[target.Name] += clock.Elapsed.TotalSeconds;
                foreach (var (local, failed) in results)
                {
                    samples[target.Name].AddRange(local);
                    failures += failed;
                }
            }
        }

        var baseline = samples["privacy"].Count / busy["privacy"];
        Console.WriteLine();
        Console.WriteLine($"{"page",-16} {"requests",9} {"req/s",8} {"median ms",10} {"p95 ms",8} {"cost ×privacy",14} {"target",7}  verdict");
        var allMet = true;
        foreach (var target in targets)
        {
            var list = samples[target.Name];
            var rate = list.Count / busy[target.Name];
            // A page's cost: how many privacy pages the app serves in the time it serves one of it.
            var ratio = baseline / rate;
            var met = ratio <= target.MaxRatio;
            allMet &= met;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target.Name,-16} {list.Count,9} {rate,8:0.0} {Median(list),10:0.0} {Percentile(list, 0.95),8:0.0} {ratio,14:0.00} {"≤" + target.MaxRatio,7}  {(met ? "ok" : "OVER")}"));
        }
        Console.WriteLine($"failed requests: {failures}");
        return allMet && failures == 0 ? 0 : 1;
    }

    /// <summary>Entry pages to load: the ids linked from the first pages of the trending list.</summary>
    private static async Task<List<int>> TopEntryIdsAsync(HttpClient http)
    {
        var ids = new List<int>();
        for (var p = 1; p <= 5; p++)
        {
            var html = await http.GetStringAsync($"/Entries?p={p}");
            ids.AddRange(Regex.Matches(html, "href=\"/Entries/(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
        }
        return ids.Distinct().ToList();
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
