using System.Text.RegularExpressions;
using IdeaBox.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>The Kubernetes manifests agree with the app: an unedited ConfigMap is refused, the probes exist.</summary>
public sealed partial class DeploymentFilesTests
{
    [GeneratedRegex(@"^  (?<key>[A-Za-z_]+): (?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex DataLine();

    [Fact]
    public void An_unedited_configmap_is_refused_for_each_placeholder()
    {
        var yaml = File.ReadAllText(Repository.File("deploy", "k8s", "configmap.yaml"));
        var settings = DataLine().Matches(yaml[yaml.IndexOf("data:", StringComparison.Ordinal)..])
            .ToDictionary(m => m.Groups["key"].Value.Replace("__", ":", StringComparison.Ordinal), m => (string?)m.Groups["value"].Value.Trim('"'));
        Assert.Equal("SqlServer", settings["Database:Provider"]);
        settings["ConnectionStrings:IdeaBox"] = "Server=db;Database=IdeaBox";
        var problems = ConfigCheck.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        Assert.Equal(["Email:BaseUrl", "Email:From", "Email:Smtp:Host", "Organisation:AccessibilityContact"], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void The_deployment_probes_the_health_endpoints_the_app_serves()
    {
        var yaml = File.ReadAllText(Repository.File("deploy", "k8s", "deployment.yaml"));
        Assert.Contains("livenessProbe:\n            httpGet: { path: /health/live, port: http }", yaml);
        Assert.Contains("readinessProbe:\n            httpGet: { path: /health/ready, port: http }", yaml);
        Assert.Contains("readOnlyRootFilesystem: true", yaml);
        Assert.Contains("replicas: 2", yaml);
        // The pods share their cache and rate limits through Redis.
        Assert.Contains("key: Redis__Configuration", yaml);
        Assert.Contains("Redis__Configuration:", File.ReadAllText(Repository.File("deploy", "k8s", "secret.example.yaml")));
    }

    [Fact]
    public void The_compose_file_runs_two_nodes_with_redis_behind_a_tls_proxy_and_the_image_checks_its_own_health()
    {
        var compose = File.ReadAllText(Repository.File("deploy", "compose.yaml"));
        Assert.Contains("replicas: 2", compose);
        Assert.Contains("  redis:\n    image: redis:7-alpine", compose);
        Assert.Contains("Redis__Configuration: \"redis:6379,password=${IDEABOX_REDIS_PASSWORD}\"", compose);
        Assert.Contains("Security__KnownNetworks__0: \"172.30.0.0/24\"", compose);
        Assert.Contains("- subnet: 172.30.0.0/24", compose);
        Assert.Contains("Database__MigrateOnStartup: \"false\"", compose);
        var proxy = File.ReadAllText(Repository.File("deploy", "proxy", "Caddyfile"));
        Assert.Contains("tls /certs/fullchain.pem /certs/privkey.pem", proxy);
        Assert.Contains("name web", proxy);
        var dockerfile = File.ReadAllText(Repository.File("deploy", "Dockerfile"));
        Assert.Contains("HEALTHCHECK", dockerfile);
        Assert.Contains("CMD [\"dotnet\", \"IdeaBox.Web.dll\", \"probe\"]", dockerfile);
    }

    [Fact]
    public void The_tests_sql_server_is_the_compose_files_image_reachable_from_this_machine_only()
    {
        var tests = File.ReadAllText(Repository.File("deploy", "compose.tests.yaml"));
        var compose = File.ReadAllText(Repository.File("deploy", "compose.yaml"));
        const string image = "  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest";
        Assert.Contains(image, compose);
        Assert.Contains(image, tests);
        Assert.Contains("- \"127.0.0.1:1433:1433\"", tests);
        // No password in the file; the connection string README gives names the variable the tests read.
        Assert.Contains("MSSQL_SA_PASSWORD: ${IDEABOX_TEST_SA_PASSWORD:?", tests);
        Assert.Contains($"{TestDatabase.SqlServerVariable}=\"Server=127.0.0.1,1433;User Id=sa;Password=$IDEABOX_TEST_SA_PASSWORD", tests);
    }
}
