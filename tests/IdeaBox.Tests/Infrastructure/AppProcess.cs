using System.Diagnostics;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>The built app run as an operator runs it: <c>dotnet IdeaBox.Web.dll …</c> in its own process.</summary>
public static class AppProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "IdeaBox.Web.dll");

    /// <summary>Runs the app with <paramref name="args"/> (the dll first) in <paramref name="folder"/>; its exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string folder, string[] args, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit within {limit ?? TimeSpan.FromMinutes(2)}: " + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
