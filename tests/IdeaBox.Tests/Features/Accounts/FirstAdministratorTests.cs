using IdeaBox.Web.Infrastructure.CommandLine;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class FirstAdministratorTests(AppFixture app) : AppTest(app)
{
    private async Task<(int Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var command = AdminCommand.Parse(args) ?? throw new InvalidOperationException("Not a command.");
        return (await command.RunAsync(App.Services, output), output.ToString());
    }

    [Fact]
    public async Task The_command_creates_the_first_administrator_whose_one_time_link_sets_the_password()
    {
        var (code, output) = await Run("admin", "create", "--email", "dsi@ministere.example", "--name", "Claire Dubois");
        Assert.Equal(0, code);
        var user = await WithDb(db => db.Users.Include(u => u.Unit).SingleAsync(u => u.Email == "dsi@ministere.example"));
        Assert.Equal(("Claire Dubois", null, "Organisation"), (user.DisplayName, user.PasswordHash, user.Unit!.Name));
        Assert.True(await WithDb(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Administrator))));

        var link = AccountLinks.SetPasswordPath(output);
        var client = App.Anonymous();
        var chosen = await client.ChoosePassword(link, "une longue phrase pour la DSI");
        Assert.Equal("/Account/Login", chosen.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignIn("dsi@ministere.example", "une longue phrase pour la DSI")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Admin/Users")).Response.StatusCode);

        // The link worked once.
        var again = await App.Anonymous().Get(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.Response.StatusCode);
        Assert.Contains("Ce lien n’est plus valable", again.Document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_second_administrator_is_refused_unless_forced_and_bad_arguments_say_how_to_use_it()
    {
        var unit = await Given.AUnit("Secrétariat général");
        await WithDb(async db => { (await db.Units.SingleAsync(u => u.Id == unit.Id)).Code = "SG"; return await db.SaveChangesAsync(); });
        await Given.AnAdministrator();
        var (refused, why) = await Run("admin", "create", "--email", "autre@ministere.example");
        Assert.Equal(1, refused);
        Assert.Contains("already exists", why);
        Assert.False(await WithDb(db => db.Users.AnyAsync(u => u.Email == "autre@ministere.example")));

        Assert.Equal(0, (await Run("admin", "create", "--email", "autre@ministere.example", "--unit", "SG", "--force")).Code);
        Assert.Equal(unit.Id, await WithDb(db => db.Users.Where(u => u.Email == "autre@ministere.example").Select(u => u.UnitId).SingleAsync()));

        Assert.Equal(2, (await Run("admin", "create")).Code);
        Assert.Equal(2, (await Run("admin", "create", "--email", "not an address", "--force")).Code);
        Assert.Equal(1, (await Run("admin", "create", "--email", "x@ministere.example", "--unit", "NOPE", "--force")).Code);
        Assert.False(await WithDb(db => db.Users.AnyAsync(u => u.Email == "x@ministere.example")));
    }

    [Fact]
    public async Task The_published_command_runs_on_an_empty_production_database()
    {
        var folder = Directory.CreateTempSubdirectory("ideabox-cli-").FullName;
        try
        {
            var database = Path.Combine(folder, "prod.db");
            var dll = Path.Combine(AppContext.BaseDirectory, "IdeaBox.Web.dll");
            // "migrate" alone, as a deployment runs it with the owner's login before the app starts.
            var (migrated, migration) = await RunProcess(folder, [dll, "migrate", "--environment", "Production", "--ConnectionStrings:IdeaBox", $"Data Source={database}"]);
            Assert.True(migrated == 0, migration);
            Assert.Contains("The database is up to date.", migration);
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var roles = connection.CreateCommand();
                roles.CommandText = "SELECT COUNT(*) FROM AspNetRoles";
                Assert.Equal(5L, await roles.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }
            string[] args = [dll, "admin", "create", "--email", "premier@ministere.example", "--environment", "Production",
                "--ConnectionStrings:IdeaBox", $"Data Source={database}", "--Email:BaseUrl", "https://ideabox.ministere.example"];
            var (code, output) = await RunProcess(folder, args);
            Assert.True(code == 0, output);
            Assert.Matches(@"https://ideabox\.ministere\.example/Account/SetPassword\?user=\d+&purpose=invitation&token=\S+", output);
            var (again, refusal) = await RunProcess(folder, args);
            Assert.Equal(1, again);
            Assert.Contains("already exists", refusal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<(int Code, string Output)> RunProcess(string folder, string[] args) => AppProcess.RunAsync(folder, args);
}
