using System.Net;
using System.Text.RegularExpressions;

namespace IdeaBox.Benchmarks;

/// <summary>
/// The app as the benchmarks measure it: its Release build output in its own process, Production, on a
/// generated database, with a client signed in as a leader.
/// </summary>
public sealed partial class BenchApp : IAsyncDisposable
{
    private BenchApp(Process process, HttpClient http)
    {
        Process = process;
        Http = http;
    }

    public Process Process { get; }
    public HttpClient Http { get; }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<BenchApp> StartAsync(string database, int port)
    {
        var root = FindRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var appDll = Path.Combine(root, "src", "IdeaBox.Web", "bin", configuration, "net10.0", "IdeaBox.Web.dll");
        if (!File.Exists(appDll)) throw new FileNotFoundException("Build the solution first (dotnet build -c Release).", appDll);
        if (configuration != "Release") Console.WriteLine("warning: not a Release build; run with -c Release for meaningful figures.");
        var baseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("dotnet", $"\"{appDll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__IdeaBox"] = $"Data Source={Path.GetFullPath(database)}";
        start.Environment["Email__Mode"] = "None";
        start.Environment["Organisation__AccessibilityContact"] = "accessibilite@bench.local";
        // Plain HTTP on loopback: cookies cannot be HTTPS-only here.
        start.Environment["Security__RequireHttps"] = "false";
        // A load test is a script by design: the rate limiter would refuse most of it.
        start.Environment["RateLimits__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The leader signs in with a password alone: the benchmark measures pages, not the second factor.
        start.Environment["Accounts__RequireTwoFactorForStaff"] = "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new BenchApp(process, Client(baseUrl));
        try
        {
            await app.WaitForHealthAsync();
            await app.SignInAsync(app.Http, Generator.LeaderEmail);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client as a browser is one: it keeps its cookies and takes every renewed one (<c>Set-Cookie</c>),
    /// never follows redirects by itself (a POST's redirect is its answer).
    /// </summary>
    private static HttpClient Client(string baseUrl) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>Another client, with cookies of its own (anonymous until it signs in).</summary>
    public HttpClient NewClient() => Client(Http.BaseAddress!.ToString().TrimEnd('/'));

    /// <summary>The server process's CPU time so far (utime + stime of /proc/PID/stat), in seconds.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Process.Id}/stat");
        // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / (double)ClockTicksPerSecond;
    }

    /// <summary>The kernel's clock ticks per second (getconf CLK_TCK; 100 on Linux).</summary>
    private static readonly int ClockTicksPerSecond = ReadClockTicks();

    private static int ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return int.TryParse(text, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }

    /// <summary>An antiforgery token of <paramref name="http"/>'s session, from a page with a form.</summary>
    public async Task<string> TokenAsync(HttpClient http, string url) => TokenPattern().Match(await http.GetStringAsync(url)).Groups[1].Value;

    /// <summary>The app's resident memory now, in MiB (VmRSS in /proc/PID/status).</summary>
    public double ResidentMib()
    {
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024d;
        return double.NaN;
    }

    public async Task Expect200Async(string url)
    {
        using var response = await Http.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
    }

    private async Task WaitForHealthAsync()
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await Http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The app did not answer /health within 2 minutes.");
    }

    public async Task SignInAsync(HttpClient http, string email)
    {
        var token = await TokenAsync(http, "/Account/Login");
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Generator.Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IdeaBox.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("IdeaBox.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}
