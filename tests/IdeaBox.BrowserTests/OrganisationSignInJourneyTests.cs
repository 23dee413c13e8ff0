namespace IdeaBox.BrowserTests;

/// <summary>Signing in through the organisation's provider in Chromium: its own login page, back to IdeaBox, and out of both.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationSignInJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_agent_signs_in_on_the_provider_s_page_lands_in_IdeaBox_and_signs_out_of_both()
    {
        var page = await fixture.NewPage();
        await page.GotoAsync("/Account/Login");
        await AccessibilityTests.AssertNoViolations(page, "login page with the organisation's sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter avec l’annuaire du ministère" }).ClickAsync();

        await page.GetByLabel("User name").FillAsync(BrowserFixture.DirectoryAgent.Login);
        await page.GetByLabel("Password").FillAsync(BrowserFixture.DirectoryAgent.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to the directory" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Nadia Annuaire");

        var endSessions = fixture.Provider.EndSessions;
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");
        Assert.Equal(endSessions + 1, fixture.Provider.EndSessions);
        await page.GotoAsync("/Entries");
        Assert.Contains("/Account/Login", page.Url);
    }
}
