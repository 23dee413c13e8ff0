using System.Collections.Concurrent;

namespace IdeaBox.Tests.MultiNode;

/// <summary>
/// A node stopped as an orchestrator stops it (SIGTERM) while people keep writing through both nodes: every write a
/// node accepted is in the database afterwards, and the node exits within its shutdown timeout.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class GracefulShutdownTests(TwoNodes nodes, ITestOutputHelper output) : IAsyncDisposable
{
    private static readonly string[] People = ["agent@ideabox.demo", "expert@ideabox.demo", "moderateur@ideabox.demo", "direction@ideabox.demo", "admin@ideabox.demo"];

    [Fact]
    public async Task Stopping_a_node_under_load_loses_no_accepted_write()
    {
        var marker = "Charge " + Guid.NewGuid().ToString("N")[..8];
        var accepted = new ConcurrentBag<string>();
        var sent = new ConcurrentDictionary<string, int>();
        var unanswered = 0;
        var outstandingOnA = 0;
        var refused = new ConcurrentBag<string>();
        var stopped = false;
        using var stop = new CancellationTokenSource();
        var ready = new TaskCompletionSource();
        var allWarm = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var warmed = 0;

        async Task Write(int person)
        {
            using var browser = nodes.NewBrowser();
            await browser.SignInAsync(nodes.B, People[person]);
            var (_, form) = await browser.On[nodes.B].Get("/Entries/New");
            var token = AppClient.Token(form, "form.entry-form");
            var theme = form.QuerySelector("input[name='Input.ThemeIds']")!.GetAttribute("value")!;
            // Each node has taken one entry from this person before the load (a cold node compiles its queries first).
            foreach (var warm in new[] { nodes.A, nodes.B })
                Assert.Equal(HttpStatusCode.Redirect, (await browser.On[warm].PostForm("/Entries/New", "form.entry-form", await TwoNodeTests.EntryForm(browser.On[warm], "Mise en route " + warm.Name))).StatusCode);
            if (Interlocked.Increment(ref warmed) == People.Length) allWarm.SetResult();
            await ready.Task;
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // The load balancer's choice: sticky, three people on A and two on B; only B once A has been told to stop.
                var node = person < 3 && !Volatile.Read(ref stopped) ? nodes.A : nodes.B;
                var title = $"{marker} {person}-{n}";
                sent.AddOrUpdate(node.Name, 1, (_, c) => c + 1);
                if (node == nodes.A) Interlocked.Increment(ref outstandingOnA);
                try
                {
                    var response = await browser.On[node].PostWithToken(token, "/Entries/New",
                        [new("Input.Kind", "Idea"), new("Input.SimilarChecked", "true"), new("Input.Title", title), new("Input.Body", "Écrit pendant l'arrêt d'un nœud."), new("Input.ThemeIds", theme)]);
                    if (response.StatusCode == HttpStatusCode.Redirect) accepted.Add(title);
                    else refused.Add($"{node.Name} {(int)response.StatusCode}");
                }
                catch (HttpRequestException)
                {
                    // The node had closed its door: nothing was accepted, the balancer sends the next one elsewhere.
                    Interlocked.Increment(ref unanswered);
                }
                finally
                {
                    if (node == nodes.A) Interlocked.Decrement(ref outstandingOnA);
                }
                // A person, not a script: a moment between two writes (SQLite takes one writer at a time, from either node).
                await Task.Delay(50);
            }
        }

        var writers = Enumerable.Range(0, People.Length).Select(Write).ToList();
        await Task.WhenAny(allWarm.Task, Task.WhenAll(writers));
        await allWarm.Task;
        ready.SetResult();
        await Task.Delay(TimeSpan.FromSeconds(4));
        Volatile.Write(ref stopped, true);
        var inFlight = Volatile.Read(ref outstandingOnA);
        var stopping = nodes.A.StopAsync();
        var took = await stopping;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var found = await nodes.QueryAsync($"SELECT Title FROM Entries WHERE Title LIKE '{marker}%'", r =>
        {
            var titles = new List<string>();
            while (r.Read()) titles.Add(r.GetString(0));
            return titles;
        });
        output.WriteLine($"Sent to A: {sent.GetValueOrDefault("A")}, to B: {sent.GetValueOrDefault("B")}; accepted {accepted.Count}, found {found.Count}, " +
            $"in flight on A when it was told to stop {inFlight}, unanswered {unanswered}, refused {refused.Count} ({string.Join(", ", refused.Distinct())}); A stopped in {took.TotalSeconds:0.0} s with exit code {nodes.A.ExitCode}.");

        Assert.Empty(refused);
        // Both nodes wrote (two processes take turns at one SQLite file's write lock: the figures vary, the test only needs both).
        Assert.True(sent.GetValueOrDefault("A") >= 3 && sent.GetValueOrDefault("B") >= 3, "both nodes took part in the load");
        // What was in flight on A when it was told to stop was answered: no request failed, none was refused.
        Assert.Equal(0, unanswered);
        Assert.Equal(accepted.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Equal(0, nodes.A.ExitCode);
        Assert.True(took < TimeSpan.FromSeconds(TwoNodes.ShutdownSeconds), $"A took {took} to stop");
        Assert.Contains("Application is shutting down", nodes.A.Output, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        // The other two-node tests share these nodes: A comes back.
        if (nodes.A.HasExited) await nodes.RestartAAsync();
    }
}
