using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IdeaBox.Tests.MultiNode;

/// <summary>
/// Two IdeaBox processes (<c>dotnet IdeaBox.Web.dll</c>, real Kestrel on loopback, separate ports) on one SQLite
/// database and one Redis, as an operator runs them behind a load balancer: the database is migrated and seeded
/// first by the <c>migrate</c> command, then both nodes start together, each with its mail worker.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public const string Password = "Demo-IdeaBox-2026";
    /// <summary>How long a stopping node may take to finish its requests (<c>Host:ShutdownTimeoutSeconds</c>).</summary>
    public const int ShutdownSeconds = 20;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ideabox-nodes-" + Guid.NewGuid().ToString("N")[..8]);

    public RedisServer Redis { get; private set; } = null!;
    public Node A { get; private set; } = null!;
    public Node B { get; private set; } = null!;
    public string Database => Path.Combine(_folder, "ideabox.db");
    public string MailFolder => Path.Combine(_folder, "mail");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Redis = await RedisServer.StartAsync();
        // The schema and the demo data first, as an operator runs "migrate" before the nodes (it needs no Redis).
        var (code, output) = await AppProcess.RunAsync(_folder, [AppProcess.Dll, "migrate", .. Settings(redis: false)], TimeSpan.FromMinutes(6));
        if (code != 0) throw new InvalidOperationException("migrate failed: " + output);
        A = Node.Start("A", _folder, Settings());
        B = Node.Start("B", _folder, Settings());
        await Task.WhenAll(A.WaitReadyAsync(), B.WaitReadyAsync());
    }

    /// <summary>Starts node A again after a test stopped it.</summary>
    public async Task RestartAAsync()
    {
        await A.DisposeAsync();
        A = Node.Start("A", _folder, Settings());
        await A.WaitReadyAsync();
    }

    /// <summary>The settings both nodes share (Development: the demo accounts; mail to a shared pickup folder).</summary>
    private string[] Settings(bool redis = true) =>
    [
        "--environment", "Development", "--contentRoot", AppContext.BaseDirectory,
        "--ConnectionStrings:IdeaBox", $"Data Source={Database}",
        "--Redis:Configuration", redis ? Redis.Configuration : "",
        "--Email:Mode", "Pickup", "--Email:PickupDirectory", MailFolder, "--Email:PollSeconds", "1",
        "--Seed:Users", "40", "--Seed:Entries", "60",
        // The load below writes fast; one person's votes stay limited, to show the budget is shared.
        "--RateLimits:Submit:PerUser", "0", "--RateLimits:Submit:PerAddress", "0",
        "--RateLimits:Vote:PerUser", "6",
        "--Host:ShutdownTimeoutSeconds", ShutdownSeconds.ToString(CultureInfo.InvariantCulture),
        "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:IdeaBox", "Information",
        "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
    ];

    /// <summary>A browser whose requests go to either node: one cookie jar, as behind a load balancer on one host name.</summary>
    public Browser NewBrowser() => new(A, B);

    public async Task<T> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        return read(reader);
    }

    /// <summary>Every e-mail written to the pickup folder, as (recipient, subject).</summary>
    public IReadOnlyList<(string To, string Subject)> Mails() =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Select(File.ReadAllLines)
                .Select(lines => (Header(lines, "To:"), Header(lines, "Subject:"))).ToList()
            : [];

    private static string Header(string[] lines, string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase))?[name.Length..].Trim() ?? "";

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { A, B }.Where(n => n is not null)) await node.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that was killed: the temporary folder is left behind.
        }
    }
}

/// <summary>
/// The two-node tests share one pair of nodes and run alone, after the other tests of the assembly: four
/// processes of their own would otherwise compete with every other test for the machine's cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoNodesCollection : ICollectionFixture<TwoNodes>
{
    public const string Name = "TwoNodes";
}

/// <summary>One node: the app's process, its address, and everything it printed.</summary>
public sealed class Node : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private Node(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }
    public Uri Address { get; }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the app (the build's, or <paramref name="dll"/>: a published one) in <paramref name="folder"/>.</summary>
    public static Node Start(string name, string folder, string[] settings, string? dll = null)
    {
        var port = RedisServer.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll ?? AppProcess.Dll, "--urls", address.ToString().TrimEnd('/') }.Concat(settings)) start.ArgumentList.Add(arg);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var process = Process.Start(start)!;
        var node = new Node(name, process, address);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Node {Name} exited ({_process.ExitCode}): {Output}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Node {Name} was not ready within six minutes: {Output}");
    }

    /// <summary>Asks the process to stop as an orchestrator does (SIGTERM) and waits for it; how long it took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(TwoNodes.ShutdownSeconds + 30));
        await _process.WaitForExitAsync(timeout.Token);
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>
/// A person at a browser behind the load balancer: one cookie jar for both nodes (cookies do not depend on the port),
/// each request sent to the node the test names.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClientHandler _handler = new() { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };

    public Browser(Node a, Node b)
    {
        On = new Dictionary<Node, AppClient>
        {
            [a] = new(new HttpClient(_handler, disposeHandler: false) { BaseAddress = a.Address }),
            [b] = new(new HttpClient(_handler, disposeHandler: false) { BaseAddress = b.Address }),
        };
    }

    public IReadOnlyDictionary<Node, AppClient> On { get; }

    public async Task SignInAsync(Node node, string email)
    {
        var response = await On[node].PostForm("/Account/Login", "form:not(.language)", new() { ["Input.Email"] = email, ["Input.Password"] = TwoNodes.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose()
    {
        foreach (var client in On.Values) client.Http.Dispose();
        _handler.Dispose();
    }
}
