using System.Globalization;
using System.Text.RegularExpressions;

namespace IdeaBox.BrowserTests;

/// <summary>Issue 12's call for contributions, from its opening by a moderator to its published summary.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CallJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_moderator_opens_a_call_an_agent_contributes_from_the_home_page_and_the_summary_is_published_at_closing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var question = $"Quelle démarche simplifier en premier ({tag}) ?";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")));
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var moderator = await fixture.NewPage();
        await fixture.SignIn(moderator, ModerationJourneyTests.Moderator);
        await moderator.GotoAsync("/Calls/New");
        await AccessibilityTests.AssertNoViolations(moderator, "/Calls/New");
        await moderator.GetByLabel("Question posée").FillAsync(question);
        await moderator.GetByLabel("Dernier jour").FillAsync(Day(today.AddDays(30)));
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'appel" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".status-message")).ToHaveTextAsync("L'appel est ouvert.");
        await Assertions.Expect(moderator.Locator("h1")).ToHaveTextAsync(question);
        var callPath = new Uri(moderator.Url).AbsolutePath;

        var agent = await fixture.NewPage();
        await fixture.SignIn(agent, BrowserFixture.Agent);
        await agent.GotoAsync("/");
        var item = agent.Locator("section.calls li", new() { HasText = question });
        await item.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Contribuer") }).ClickAsync();
        await Assertions.Expect(agent.Locator("#Input_CallId option:checked")).ToHaveTextAsync(question);
        await agent.GetByLabel("Idée", new() { Exact = true }).CheckAsync();
        var title = $"Un formulaire unique pour les congés {tag}";
        await agent.GetByLabel("Titre").FillAsync(title);
        await agent.GetByLabel("Description").FillAsync("Aujourd'hui trois formulaires différents selon le service.");
        await agent.GetByLabel("Outils informatiques").CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma contribution" }).ClickAsync();
        await Assertions.Expect(agent.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(agent.Locator(".call-tag")).ToHaveTextAsync($"Appel : {question}");
        var entryPath = new Uri(agent.Url).AbsolutePath;

        // The moderator closes the call early: its last day becomes yesterday.
        await moderator.GotoAsync(callPath + "/Edit");
        await moderator.GetByLabel("Premier jour").FillAsync(Day(today.AddDays(-2)));
        await moderator.GetByLabel("Dernier jour").FillAsync(Day(today.AddDays(-1)));
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(moderator.Locator(".status-message")).ToHaveTextAsync("L'appel est modifié.");

        await agent.GotoAsync(callPath);
        await Assertions.Expect(agent.Locator("#summary-title")).ToHaveTextAsync("Bilan de l'appel");
        await Assertions.Expect(agent.Locator(".call-summary .figures")).ToContainTextAsync(new Regex(@"1\s+contributions"));
        await Assertions.Expect(agent.Locator("table.participation tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("section[aria-labelledby=entries-title]")).ToContainTextAsync(title);
        await AccessibilityTests.AssertNoViolations(agent, "call summary");
        await agent.GotoAsync(entryPath);
        await Assertions.Expect(agent.Locator(".votes")).ToContainTextAsync("les votes sur ses contributions sont figés");
    }
}
