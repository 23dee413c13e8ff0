using System.Diagnostics;

namespace IdeaBox.BrowserTests;

/// <summary>
/// The browser tests use Debian's Chromium, never a browser downloaded by Playwright. On a fresh
/// machine where the tests run as root, it is installed from Debian's packages, so that the
/// README's test command needs no manual step; elsewhere the failure says what to install.
/// </summary>
internal static class SystemChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalled(string path)
    {
        if (File.Exists(path)) return;
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(path)) return;
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
                throw new InvalidOperationException($"Chromium is missing at {path}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.");
            await Run("apt-get", "update -qq");
            await Run("apt-get", "install -y -qq chromium");
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}{await output}");
    }
}
