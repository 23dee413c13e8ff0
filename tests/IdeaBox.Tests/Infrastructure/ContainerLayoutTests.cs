using System.Text.RegularExpressions;
using IdeaBox.Tests.MultiNode;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The container's layout, as far as it can be checked without Docker: the app published as deploy/Dockerfile
/// publishes it, started from that folder as the image starts it (Production, its own content root), serves its
/// pages and static files, answers the image's HEALTHCHECK command, and ships no development settings.
/// </summary>
public sealed partial class ContainerLayoutTests
{
    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>/css/site\.css\?v=[^"]+)">""")]
    private static partial Regex Stylesheet();

    [Fact]
    public async Task The_published_app_runs_from_its_folder_as_the_image_runs_it()
    {
        var root = Directory.CreateTempSubdirectory("ideabox-publish-").FullName;
        try
        {
            var app = Path.Combine(root, "app");
            // The build the tests run from (Debug or Release), published as the Dockerfile does.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var (published, publishing) = await AppProcess.RunAsync(Repository.Root,
                ["publish", Repository.File("src", "IdeaBox.Web", "IdeaBox.Web.csproj"), "-c", configuration, "--no-build", "-o", app], TimeSpan.FromMinutes(5));
            Assert.True(published == 0, publishing);
            Assert.True(File.Exists(Path.Combine(app, "appsettings.json")));
            Assert.False(File.Exists(Path.Combine(app, "appsettings.Development.json")), "the image carries no development settings (demo password)");

            var data = Path.Combine(root, "data");
            Directory.CreateDirectory(data);
            await using var node = Node.Start("container", app,
            [
                "--environment", "Production",
                "--ConnectionStrings:IdeaBox", $"Data Source={Path.Combine(data, "ideabox.db")}",
                "--Email:Mode", "None", "--Organisation:AccessibilityContact", "accessibilite@finances.belgium.be",
                "--Security:RequireHttps", "false",
            ], dll: Path.Combine(app, "IdeaBox.Web.dll"));
            await node.WaitReadyAsync();

            using var http = new HttpClient { BaseAddress = node.Address };
            var login = await http.GetAsync("/Account/Login");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var href = Stylesheet().Match(await login.Content.ReadAsStringAsync()).Groups["href"].Value;
            Assert.NotEmpty(href);
            var css = await http.GetAsync(href);
            Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType?.MediaType));

            // The image's HEALTHCHECK: the published dll asks the node and exits 0.
            var (probe, probing) = await AppProcess.RunAsync(app, ["IdeaBox.Web.dll", "probe", new Uri(node.Address, "/health/ready").ToString()]);
            Assert.True(probe == 0, probing);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
