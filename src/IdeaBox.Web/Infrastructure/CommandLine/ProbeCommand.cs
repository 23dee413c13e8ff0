namespace IdeaBox.Web.Infrastructure.CommandLine;

/// <summary>
/// <c>dotnet IdeaBox.Web.dll probe [URL]</c>: asks a running node whether it is ready (<c>/health/ready</c> on the port
/// of <c>ASPNETCORE_HTTP_PORTS</c>, or <paramref name="Url"/>) and exits 0 when it answers 200, 1 otherwise. The
/// container's HEALTHCHECK uses it: the runtime image has no curl. It starts no host and reads no settings.
/// </summary>
public sealed record ProbeCommand(Uri Url)
{
    public static ProbeCommand? Parse(string[] args)
    {
        if (args is not ["probe", ..]) return null;
        if (args.Length > 1) return new ProbeCommand(new Uri(args[1]));
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0].Trim();
        return new ProbeCommand(new Uri($"http://127.0.0.1:{port}/health/ready"));
    }

    public async Task<int> RunAsync(TextWriter output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(Url);
            await output.WriteLineAsync($"{Url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{Url}: no answer ({e.Message})");
            return 1;
        }
    }
}
