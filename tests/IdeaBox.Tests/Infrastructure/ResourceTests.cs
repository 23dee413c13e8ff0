using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IdeaBox.Tests.Infrastructure;

public sealed partial class ResourceTests
{
    private static readonly string ResourcesDirectory = Repository.File("src", "IdeaBox.Web", "Resources");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ResourcesDirectory, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Every_French_string_has_an_English_one_and_the_other_way_round()
    {
        var french = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");
        Assert.Empty(french.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(french.Keys));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var french = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");
        foreach (var (key, value) in french)
        {
            var expected = Placeholders().Matches(value).Select(m => m.Groups[1].Value).Order();
            var actual = Placeholders().Matches(english[key]).Select(m => m.Groups[1].Value).Order();
            Assert.True(expected.SequenceEqual(actual), $"{key}: placeholders differ");
        }
    }

    [Fact]
    public void Every_key_used_in_pages_and_code_exists()
    {
        var french = Read("SharedResource.resx");
        var web = Path.Combine(Repository.Root, "src", "IdeaBox.Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => LiteralKeys().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.'))
            .Distinct();
        var missing = used.Where(k => !french.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Missing keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_message_key_the_domain_and_the_handlers_refuse_with_exists()
    {
        var french = Read("SharedResource.resx");
        var used = new[] { "IdeaBox.Core", "IdeaBox.Web/Features", "IdeaBox.Web/Infrastructure" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => MessageKeys().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct();
        // A count's key has its plural forms (Key.One, Key.Other).
        var missing = used.Where(k => !french.ContainsKey(k) && !french.ContainsKey(k + ".One")).ToList();
        Assert.True(missing.Count == 0, "Missing keys: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"""((?:Validation|Moderation|Merge|Link|Expert|Plan|Promote|Admin|Import|Vote|Comment)\.[A-Za-z0-9]+)""")]
    private static partial Regex MessageKeys();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholders();

    [GeneratedRegex(@"L\[""([A-Za-z0-9.]+)""")]
    private static partial Regex LiteralKeys();
}
