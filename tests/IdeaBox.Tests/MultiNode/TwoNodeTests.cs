using System.Diagnostics;
using MimeKit;

namespace IdeaBox.Tests.MultiNode;

/// <summary>
/// Two nodes on one database and one Redis: whichever node a request reaches, people see the same portal, the
/// budgets are shared, and background work happens once.
/// </summary>
[Collection(TwoNodesCollection.Name)]
public sealed class TwoNodeTests(TwoNodes nodes, ITestOutputHelper output)
{
    private Node A => nodes.A;
    private Node B => nodes.B;

    [Fact]
    public async Task A_session_opened_on_one_node_is_valid_on_the_other_and_each_node_takes_votes_and_entries_the_other_shows()
    {
        using var camille = nodes.NewBrowser();
        await camille.SignInAsync(A, "agent@ideabox.demo");
        var (home, page) = await camille.On[B].Get("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Camille", page.QuerySelector("h1")!.TextContent);

        // Posted on B, read on A.
        var title = "Imprimante partagée au deuxième étage " + Guid.NewGuid().ToString("N")[..6];
        var posted = await camille.On[B].PostForm("/Entries/New", "form.entry-form", await EntryForm(camille.On[B], title));
        var id = AppClient.RedirectedId(posted);
        var (shown, entry) = await camille.On[A].Get($"/Entries/{id}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(title, entry.QuerySelector("h1")!.TextContent.Trim());

        // One vote taken by each node: both count.
        using var julien = nodes.NewBrowser();
        await julien.SignInAsync(B, "moderateur@ideabox.demo");
        using var nathalie = nodes.NewBrowser();
        await nathalie.SignInAsync(A, "expert@ideabox.demo");
        Assert.Equal(HttpStatusCode.Redirect, (await julien.On[A].PostForm($"/Entries/{id}", "form[action*=handler\\=Vote]", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await nathalie.On[B].PostForm($"/Entries/{id}", "form[action*=handler\\=Vote]", [])).StatusCode);
        Assert.Equal(2, await nodes.QueryAsync($"SELECT VoteCount FROM Entries WHERE Id = {id}", r => r.Read() ? r.GetInt32(0) : -1));
        Assert.Equal(2, await nodes.QueryAsync($"SELECT COUNT(*) FROM Votes WHERE EntryId = {id}", r => r.Read() ? r.GetInt32(0) : -1));
    }

    [Fact]
    public async Task A_theme_renamed_on_one_node_is_shown_with_its_new_name_by_the_other_at_once()
    {
        using var sophie = nodes.NewBrowser();
        await sophie.SignInAsync(A, "admin@ideabox.demo");
        using var camille = nodes.NewBrowser();
        await camille.SignInAsync(B, "agent@ideabox.demo");
        // B has the form's themes in its cache.
        var (_, before) = await camille.On[B].Get("/Entries/New");
        var theme = before.QuerySelectorAll("input[name='Input.ThemeIds']").First();
        var themeId = theme.GetAttribute("value")!;
        var newName = "Mobilité douce " + Guid.NewGuid().ToString("N")[..6];
        Assert.DoesNotContain(newName, before.Body!.TextContent);

        var renamed = await sophie.On[A].PostForm("/Admin/Themes", $"form[action*='id={themeId}'][action*=Rename]", new() { ["newName"] = newName });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var clock = Stopwatch.StartNew();
        var (_, after) = await camille.On[B].Get("/Entries/New");
        output.WriteLine($"B showed the new name {clock.ElapsedMilliseconds} ms after A answered.");
        Assert.Contains(newName, after.Body!.TextContent);
    }

    [Fact]
    public async Task One_person_s_budget_is_shared_by_both_nodes()
    {
        using var marc = nodes.NewBrowser();
        await marc.SignInAsync(A, "direction@ideabox.demo");
        var id = await nodes.QueryAsync("SELECT Id FROM Entries WHERE Status <> 'Hidden' ORDER BY Id LIMIT 1", r => r.Read() ? r.GetInt32(0) : 0);
        // Six votes a minute (the test's setting), sent alternately to A and B: the seventh is refused, whichever node gets it.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var node = i % 2 == 0 ? A : B;
            var (_, page) = await marc.On[node].Get($"/Entries/{id}");
            var form = page.QuerySelector("form[action*=handler\\=Vote]") is not null ? "form[action*=handler\\=Vote]" : "form[action*=Unvote]";
            answers.Add((await marc.On[node].PostForm($"/Entries/{id}", form, [])).StatusCode);
        }
        output.WriteLine(string.Join(", ", answers));
        Assert.Equal(6, answers.Count(a => a == HttpStatusCode.Redirect));
        Assert.Equal(2, answers.Count(a => a == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task The_weekly_digest_and_each_notification_e_mail_go_out_once_with_both_nodes_sending()
    {
        // Both nodes started together: each ran the digest of last week at once, for the same people.
        var eligible = await nodes.QueryAsync("SELECT COUNT(*) FROM AspNetUsers WHERE DigestOptOut = 0 AND Email IS NOT NULL AND DisabledAt IS NULL AND DeletedAt IS NULL",
            r => r.Read() ? r.GetInt32(0) : -1);
        await Until(async () => await nodes.QueryAsync("SELECT COUNT(*) FROM DigestDeliveries", r => r.Read() ? r.GetInt32(0) : -1) == eligible);
        await Until(() => Task.FromResult(Messages().Count(m => m.Subject.StartsWith("IdeaBox – votre semaine", StringComparison.Ordinal)) >= eligible));
        var digests = Messages().Where(m => m.Subject.StartsWith("IdeaBox – votre semaine", StringComparison.Ordinal)).ToList();
        Assert.Equal(eligible, digests.Count);
        Assert.Equal(eligible, digests.Select(d => d.To).Distinct().Count());

        // Comments on new entries, sent to both nodes: each author's notification is mailed by one node only.
        using var camille = nodes.NewBrowser();
        await camille.SignInAsync(A, "agent@ideabox.demo");
        using var julien = nodes.NewBrowser();
        await julien.SignInAsync(B, "moderateur@ideabox.demo");
        var marker = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 6; i++)
        {
            var node = i % 2 == 0 ? A : B;
            var id = AppClient.RedirectedId(await camille.On[node].PostForm("/Entries/New", "form.entry-form", await EntryForm(camille.On[node], $"Badge {marker} numéro {i}")));
            Assert.Equal(HttpStatusCode.Redirect,
                (await julien.On[node == A ? B : A].PostForm($"/Entries/{id}", "form.comment-form", new() { ["Comment.Body"] = "Nous regardons cela." })).StatusCode);
        }
        await Until(() => Task.FromResult(Messages().Count(m => m.Subject.Contains(marker, StringComparison.Ordinal)) >= 6));
        // Two more polls of each worker: nothing is sent twice.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var mailed = Messages().Where(m => m.Subject.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(6, mailed.Count);
        Assert.Equal(6, mailed.Select(m => m.Subject).Distinct().Count());
        Assert.All(mailed, m => Assert.Contains("agent@ideabox.demo", m.To, StringComparison.Ordinal));

        // Losing a race is not an error: neither node logged one.
        Assert.DoesNotContain("fail:", A.Output + B.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_probe_command_of_the_container_s_health_check_says_whether_a_node_is_ready()
    {
        var (ready, said) = await AppProcess.RunAsync(Path.GetTempPath(), [AppProcess.Dll, "probe", new Uri(A.Address, "/health/ready").ToString()]);
        Assert.Equal(0, ready);
        Assert.Contains("200 Healthy", said, StringComparison.Ordinal);
        var (down, _) = await AppProcess.RunAsync(Path.GetTempPath(), [AppProcess.Dll, "probe", $"http://127.0.0.1:{RedisServer.FreePort()}/health/ready"]);
        Assert.Equal(1, down);
    }

    private List<(string To, string Subject)> Messages() =>
        Directory.Exists(nodes.MailFolder)
            ? Directory.GetFiles(nodes.MailFolder, "*.eml").Select(Load).Where(m => m is not null).Select(m => (m!.To.ToString(), m.Subject ?? "")).ToList()
            : [];

    private static MimeMessage? Load(string path)
    {
        try
        {
            return MimeMessage.Load(path);
        }
        catch (IOException)
        {
            return null; // Still being written.
        }
        catch (FormatException)
        {
            return null;
        }
    }

    internal static async Task<Dictionary<string, string>> EntryForm(AppClient client, string title)
    {
        var (_, form) = await client.Get("/Entries/New");
        return new()
        {
            ["Input.Kind"] = "Difficulty", ["Input.SimilarChecked"] = "true", ["Input.Title"] = title,
            ["Input.Body"] = "Décrit depuis un des deux nœuds.", ["Input.ThemeIds"] = form.QuerySelector("input[name='Input.ThemeIds']")!.GetAttribute("value")!,
        };
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The nodes did not get there within three minutes.");
            await Task.Delay(250);
        }
    }
}
