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
    }
}
