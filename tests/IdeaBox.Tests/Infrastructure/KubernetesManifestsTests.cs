using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The Kubernetes manifests read as a cluster would read them, as far as that can be done without one: every
/// document parses, names its kind with the API version of that kind, and the objects that point at each other
/// agree (selectors and labels, ports by name, the ConfigMap and Secret keys the pods read, the autoscaler's
/// target). A typo here would otherwise show only on the ministry's cluster.
/// </summary>
public sealed partial class KubernetesManifestsTests
{
    private static readonly Dictionary<string, string> ApiVersions = new()
    {
        ["Deployment"] = "apps/v1", ["Service"] = "v1", ["Ingress"] = "networking.k8s.io/v1", ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["PodDisruptionBudget"] = "policy/v1", ["ConfigMap"] = "v1", ["Secret"] = "v1", ["Job"] = "batch/v1",
    };

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    /// <summary>Every document of every file under deploy/k8s, with the file it came from.</summary>
    private static List<(string File, YamlMappingNode Root)> Documents()
    {
        var documents = new List<(string, YamlMappingNode)>();
        foreach (var file in Directory.GetFiles(Repository.File("deploy", "k8s"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            documents.AddRange(stream.Documents.Select(d => (Path.GetFileName(file), (YamlMappingNode)d.RootNode)));
        }
        return documents;
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    private static string Text(YamlNode node, params string[] path) =>
        (At(node, path) as YamlScalarNode)?.Value ?? throw new Xunit.Sdk.XunitException($"no {string.Join('.', path)}");

    private static IEnumerable<YamlNode> Items(YamlNode node, params string[] path) =>
        At(node, path) is YamlSequenceNode sequence ? sequence.Children : [];

    private static Dictionary<string, string> Labels(YamlNode node, params string[] path) =>
        At(node, path) is YamlMappingNode map
            ? map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!)
            : [];

    private static YamlMappingNode Single(List<(string File, YamlMappingNode Root)> documents, string kind, string? name = null) =>
        Assert.Single(documents, d => Text(d.Root, "kind") == kind && (name is null || Text(d.Root, "metadata", "name") == name)).Root;

    private static bool Selects(Dictionary<string, string> selector, Dictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);

    [Fact]
    public void Every_document_names_a_known_kind_with_its_api_version_and_a_valid_name()
    {
        var documents = Documents();
        Assert.Equal(9, documents.Count);
        Assert.All(documents, d =>
        {
            var kind = Text(d.Root, "kind");
            Assert.True(ApiVersions.TryGetValue(kind, out var version), $"{d.File}: unexpected kind {kind}");
            Assert.Equal(version, Text(d.Root, "apiVersion"));
            Assert.Matches(DnsLabel(), Text(d.Root, "metadata", "name"));
        });
    }

    [Fact]
    public void The_objects_that_point_at_each_other_agree()
    {
        var documents = Documents();
        var deployment = Single(documents, "Deployment");
        var name = Text(deployment, "metadata", "name");
        var pod = At(deployment, "spec", "template")!;
        var podLabels = Labels(pod, "metadata", "labels");
        Assert.True(Selects(Labels(deployment, "spec", "selector", "matchLabels"), podLabels), "the Deployment selects its own pods");

        var container = Assert.Single(Items(pod, "spec", "containers"));
        var ports = Items(container, "ports").Select(p => Text(p, "name")).ToList();
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            Assert.Contains(Text(container, probe, "httpGet", "port"), ports);
        Assert.Equal(("/health/live", "/health/ready"), (Text(container, "livenessProbe", "httpGet", "path"), Text(container, "readinessProbe", "httpGet", "path")));
        Assert.Equal(("true", "false"), (Text(container, "securityContext", "readOnlyRootFilesystem"), Text(container, "securityContext", "allowPrivilegeEscalation")));
        Assert.Equal("true", Text(pod, "spec", "securityContext", "runAsNonRoot"));
        Assert.NotNull(At(container, "resources", "requests", "memory"));
        Assert.NotNull(At(container, "resources", "limits", "memory"));
        var volumes = Items(pod, "spec", "volumes").Select(v => Text(v, "name")).ToList();
        Assert.All(Items(container, "volumeMounts"), m => Assert.Contains(Text(m, "name"), volumes));

        // The Service reaches these pods, and only them (the migration job's pods carry another name).
        var service = Single(documents, "Service");
        var selector = Labels(service, "spec", "selector");
        Assert.True(Selects(selector, podLabels), "the Service selects the web pods");
        Assert.False(Selects(selector, Labels(Single(documents, "Job"), "spec", "template", "metadata", "labels")), "the Service must not send requests to the migration job");
        var servicePort = Assert.Single(Items(service, "spec", "ports"));
        Assert.Contains(Text(servicePort, "targetPort"), ports);

        var ingressBackend = At(Assert.Single(Items(Single(documents, "Ingress"), "spec", "rules")), "http")!;
        var backend = At(Assert.Single(Items(ingressBackend, "paths")), "backend", "service")!;
        Assert.Equal((Text(service, "metadata", "name"), Text(servicePort, "name")), (Text(backend, "name"), Text(backend, "port", "name")));

        var autoscaler = Single(documents, "HorizontalPodAutoscaler");
        Assert.Equal(("Deployment", name), (Text(autoscaler, "spec", "scaleTargetRef", "kind"), Text(autoscaler, "spec", "scaleTargetRef", "name")));
        Assert.True(int.Parse(Text(autoscaler, "spec", "minReplicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2, "two nodes at least");
        Assert.True(Selects(Labels(Single(documents, "PodDisruptionBudget"), "spec", "selector", "matchLabels"), podLabels), "the budget protects the web pods");
    }

    [Fact]
    public void Every_configmap_and_secret_key_a_pod_reads_is_in_the_templates()
    {
        var documents = Documents();
        var keys = documents.Where(d => Text(d.Root, "kind") is "ConfigMap" or "Secret")
            .ToDictionary(d => (Text(d.Root, "kind"), Text(d.Root, "metadata", "name")),
                d => (At(d.Root, "data") ?? At(d.Root, "stringData")) is YamlMappingNode data ? data.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet() : []);
        var pods = documents.Where(d => Text(d.Root, "kind") is "Deployment" or "Job").Select(d => At(d.Root, "spec", "template")!).ToList();
        Assert.Equal(2, pods.Count);
        var references = 0;
        foreach (var container in pods.SelectMany(p => Items(p, "spec", "containers")))
        {
            foreach (var source in Items(container, "envFrom"))
            {
                Assert.True(keys.ContainsKey(("ConfigMap", Text(source, "configMapRef", "name"))), "the ConfigMap the pods read");
                references++;
            }
            foreach (var variable in Items(container, "env").Where(e => At(e, "valueFrom", "secretKeyRef") is not null))
            {
                var secret = ("Secret", Text(variable, "valueFrom", "secretKeyRef", "name"));
                Assert.True(keys.TryGetValue(secret, out var data) && data.Contains(Text(variable, "valueFrom", "secretKeyRef", "key")),
                    $"{Text(variable, "name")} reads {secret.Item2}/{Text(variable, "valueFrom", "secretKeyRef", "key")}, which the template lacks");
                references++;
            }
        }
        foreach (var volume in pods.SelectMany(p => Items(p, "spec", "volumes")).Where(v => At(v, "secret") is not null))
            Assert.True(keys.ContainsKey(("Secret", Text(volume, "secret", "secretName"))), "the mounted secret");
        Assert.True(references >= 7, $"only {references} references checked");
    }
}
