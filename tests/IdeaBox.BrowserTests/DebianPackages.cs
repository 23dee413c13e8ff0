using System.Diagnostics;

namespace IdeaBox.BrowserTests;

/// <summary>
/// The browser tests use programs from Debian's packages: Chromium (never a browser downloaded by
/// Playwright), and Java and npm for the Nu HTML Checker. On a fresh machine where the tests run as
/// root, a missing one is installed, so that the README's test command needs no manual step;
/// elsewhere the failure says what to install.
/// </summary>
internal static class DebianPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Installs <paramref name="package"/> when <paramref name="path"/> does not exist.</summary>
    public static async Task EnsureInstalled(string path, string package)
    {
        if (File.Exists(path)) return;
        await Gate.WaitAsync();
        try
        {
            if (File.Exists(path)) return;
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
                throw new InvalidOperationException($"{path} is missing: install Debian's package (apt-get install -y {package}).");
            await Run("apt-get", "update -qq");
            await Run("apt-get", $"install -y -qq {package}");
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
