using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace IdeaBox.BrowserTests;

/// <summary>
/// For each role, every page a crawler reaches by following the links of the pages it sees (GET
/// only, same site, one representative per route shape): axe finds no WCAG 2.1 A/AA violation, the
/// HTML parses without errors and passes the Nu HTML Checker, and no page shows a raw resource key.
/// </summary>
[Collection(CrawlerCollection.Name)]
public sealed partial class CrawlerTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    /// <summary>A resource key left untranslated looks like "Dashboard.Col.Entry" or "Nav.Plan".</summary>
    [GeneratedRegex(@"\b(Nav|Entries|Entry|Form|Submit|Vote|Comment|Status|Kind|Sort|Moderation|Moderate|Merge|Link|Expert|Plan|Promote|Import|Log|Audit|Notifications|Notification|Settings|Admin|Dashboard|Export|Similar|Record|Origin|ProjectStatus|Role|Layout|Validation|Error|Privacy|Accessibility|Footer|Pager|Follow)\.[A-Z][A-Za-z]+\b")]
    private static partial Regex RawKey();

    public static TheoryData<string> Accounts() =>
        ["agent@ideabox.demo", "expert@ideabox.demo", "moderateur@ideabox.demo", "direction@ideabox.demo", "admin@ideabox.demo"];

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Every_page_a_role_reaches_passes_axe_parses_and_is_translated(string email)
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, email);
        var seen = new HashSet<string> { "/?", "/Entries?" };
        var queue = new Queue<string>(["/", "/Entries"]);
        var visited = 0;
        var problems = new List<string>();
        while (queue.Count > 0 && visited < 45)
        {
            var url = queue.Dequeue();
            var response = await page.GotoAsync(url);
            visited++;
            if (response is null || response.Status != 200)
            {
                problems.Add($"{url}: HTTP {response?.Status}");
                continue;
            }
            var html = await page.ContentAsync();
            var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
            var errors = new List<string>();
            parser.Error += (_, e) => errors.Add(e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error ? $"{error.Message} (line {error.Position.Line})" : e.Type);
            var source = await response.TextAsync();
            parser.ParseDocument(source);
            if (errors.Count > 0) problems.Add($"{url}: HTML errors: {string.Join("; ", errors.Distinct().Take(3))}");
            var invalid = await (await NuChecker.Shared).ErrorsAsync(source);
            if (invalid.Count > 0) problems.Add($"{url}: the Nu HTML Checker reports {string.Join("; ", invalid.Take(5))}");
            var text = await page.Locator("body").InnerTextAsync();
            if (RawKey().Match(text) is { Success: true } key) problems.Add($"{url}: raw resource key '{key.Value}'");
            try
            {
                await AccessibilityTests.AssertNoViolations(page, url);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                problems.Add(ex.Message);
            }

            foreach (var href in await page.Locator("a[href^='/']:not([download])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                if (href.Contains("handler=Export") || href.StartsWith("/Account/Logout") || href.Contains('#')) continue;
                // One page per route shape: /Entries/12 stands for every entry, ?p=3 for every page of a list.
                var shape = Number().Replace(href.Split('?')[0], "N") + "?" + string.Join("&", (href.Split('?').ElementAtOrDefault(1) ?? "")
                    .Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order());
                if (seen.Add(shape)) queue.Enqueue(href);
            }
        }
        Assert.True(visited >= 8, $"{email} reached only {visited} pages.");
        Assert.True(problems.Count == 0, $"{email}, {visited} pages:\n" + string.Join("\n", problems));
    }
}
