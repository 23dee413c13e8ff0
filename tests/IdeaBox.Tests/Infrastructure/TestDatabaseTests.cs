using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The choice of the tests' database (IDEABOX_TEST_SQLSERVER) and the SQL Server reset's own statements, as far
/// as they can be checked without a server: no SQL Server runs on the CI machines (README).
/// </summary>
public sealed class TestDatabaseTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Without_a_server_the_tests_run_on_an_SQLite_file_of_their_own(string? variable)
    {
        await using var database = TestDatabase.Create(variable);
        Assert.IsType<SqliteTestDatabase>(database);
        Assert.Equal("Sqlite", database.Provider);
        Assert.StartsWith($"Data Source={Path.GetTempPath()}", database.ConnectionString);
    }

    [Fact]
    public void Each_fixture_gets_a_database_of_its_own_on_the_given_server_with_the_given_login()
    {
        const string server = "Server=localhost,1433;User Id=sa;Password=Str0ng-Passw0rd;TrustServerCertificate=True;Database=IdeaBox";
        var first = (SqlServerTestDatabase)TestDatabase.Create(server);
        var second = (SqlServerTestDatabase)TestDatabase.Create(server);

        Assert.Equal("SqlServer", first.Provider);
        Assert.NotEqual(first.Name, second.Name);
        Assert.Matches("^IdeaBoxTest_[0-9a-f]{32}$", first.Name);
        var given = new SqlConnectionStringBuilder(first.ConnectionString);
        Assert.Equal((first.Name, "localhost,1433", "sa", "Str0ng-Passw0rd", true),
            (given.InitialCatalog, given.DataSource, given.UserID, given.Password, given.TrustServerCertificate));
        // Nothing is created here (and so nothing disposed): the fixture's host creates the database when it migrates.
    }

    [Fact]
    public void The_reset_statements_parse_as_T_SQL()
    {
        string[] statements =
        [
            SqlServerTestDatabase.TablesStatement,
            SqlServerTestDatabase.SelectAllStatement("__EFMigrationsHistory"),
            SqlServerTestDatabase.SelectAllStatement("Odd]Name"),
            SqlServerTestDatabase.DropStatement("IdeaBoxTest_" + Guid.NewGuid().ToString("N")),
        ];
        foreach (var sql in statements)
        {
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.Empty(errors);
        }
    }
}
