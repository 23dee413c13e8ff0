namespace IdeaBox.Tests.Infrastructure;

/// <summary>Where the repository's files are, from the test binaries (the folder holding IdeaBox.sln).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "IdeaBox.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("IdeaBox.sln not found above the test binaries.");
    }
}
