using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace IdeaBox.BrowserTests;

/// <summary>
/// The Nu HTML Checker (vnu-jar, MIT, from the npm registry) running as a local web service on the
/// machine's Java, started once per test run: every page the browser tests scan is also validated
/// as HTML. The jar is installed with npm into a cache folder the first time (set VNU_JAR to use another).
/// </summary>
internal sealed class NuChecker
{
    public const string Version = "26.9.27";

    private static readonly Lazy<Task<NuChecker>> Instance = new(StartAsync);
    private readonly HttpClient _http;

    private NuChecker(HttpClient http) => _http = http;

    public static Task<NuChecker> Shared => Instance.Value;

    /// <summary>The checker's errors for <paramref name="html"/>, each with its line and the markup at fault.</summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync(string html)
    {
        using var content = new StringContent(html);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" };
        using var response = await _http.PostAsync("/?out=json", content);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error")
            .Select(m => $"{m.GetProperty("message").GetString()} (line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: "
                + $"{(m.TryGetProperty("extract", out var extract) ? extract.GetString()?.Trim() : "")})")
            .ToList();
    }

    private static async Task<NuChecker> StartAsync()
    {
        await DebianPackages.EnsureInstalled("/usr/bin/java", "default-jre-headless");
        var jar = await JarAsync();
        var port = FreePort();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "-Xss1m", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", jar, "nu.validator.servlet.Main", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The Nu HTML Checker needs Java: apt-get install -y default-jre-headless.", ex);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        };

        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(1) };
        // The checker refuses requests without a User-Agent (400).
        http.DefaultRequestHeaders.UserAgent.ParseAdd("IdeaBox.BrowserTests/1.0");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The Nu HTML Checker stopped at start ({process.ExitCode}).");
            try
            {
                using var probe = await http.GetAsync("/");
                probe.EnsureSuccessStatusCode();
                return new NuChecker(http);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(250);
        }
    }

    /// <summary>VNU_JAR, or the jar npm installs into a cache folder (once per machine).</summary>
    private static async Task<string> JarAsync()
    {
        if (Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        var folder = Path.Combine(Path.GetTempPath(), "ideabox-tools", $"vnu-{Version}");
        var jar = Path.Combine(folder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (File.Exists(jar)) return jar;
        Directory.CreateDirectory(folder);
        await DebianPackages.EnsureInstalled("/usr/bin/npm", "npm");
        var install = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, $"vnu-jar@{Version}" }) install.ArgumentList.Add(arg);
        using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm is needed to install the Nu HTML Checker.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var error = npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0 || !File.Exists(jar))
            throw new InvalidOperationException($"npm install vnu-jar@{Version} failed ({npm.ExitCode}): {await error}{await output}");
        return jar;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
