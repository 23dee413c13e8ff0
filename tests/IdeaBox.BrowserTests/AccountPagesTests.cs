namespace IdeaBox.BrowserTests;

/// <summary>The account pages (passwords, second factor, my data, administration of accounts, security log) pass axe, with and without their errors, and work by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Public_account_pages_and_their_errors_have_no_violations()
    {
        var page = await fixture.NewPage();
        foreach (var url in new[] { "/Account/ForgotPassword", "/Account/SetPassword?user=1&purpose=reset&token=expired", "/Account/ExternalError?reason=UnknownUnit" })
        {
            await page.GotoAsync(url);
            await AccessibilityTests.AssertNoViolations(page, url);
        }
        await page.GotoAsync("/Account/ForgotPassword");
        await page.GetByLabel("Adresse e-mail").FillAsync("pas une adresse");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "forgot password with errors");
        await page.GetByLabel("Adresse e-mail").FillAsync("personne@ideabox.demo");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=status]")).ToContainTextAsync("Si un compte existe pour cette adresse");
    }

    [Fact]
    public async Task An_agent_s_own_account_pages_have_no_violations()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, "expert@ideabox.demo");
        foreach (var url in new[] { "/Settings", "/Account/ChangePassword", "/Account/TwoFactor", "/Account/MyData" })
        {
            await page.GotoAsync(url);
            await AccessibilityTests.AssertNoViolations(page, url);
        }
        await page.GotoAsync("/Account/ChangePassword");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer le mot de passe" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "change password with errors");

        await page.GotoAsync("/Account/TwoFactor");
        // The QR code is drawn by the app and loads (no external service).
        Assert.True(await page.Locator("img.qr-code").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") > 100);
        await page.GetByLabel("Code à six chiffres").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "two-factor with errors");

        await page.GotoAsync("/Account/MyData");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer mon compte" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "my data with errors");
    }

    [Fact]
    public async Task Account_administration_pages_have_no_violations()
    {
        var page = await fixture.NewPage();
        await fixture.SignIn(page, "admin@ideabox.demo");
        await page.GotoAsync("/Admin/Users/New");
        await AccessibilityTests.AssertNoViolations(page, "/Admin/Users/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer et envoyer l’invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "/Admin/Users/New with errors");

        await page.GotoAsync("/Admin/Users?q=agent%40ideabox.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Camille Dubois" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "an account's page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer le compte" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "an account's page with errors");

        await page.GotoAsync("/Admin/Security");
        await Assertions.Expect(page.Locator("table.data tbody tr").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertNoViolations(page, "/Admin/Security");
        await page.GotoAsync("/Admin/Units");
        await AccessibilityTests.AssertNoViolations(page, "/Admin/Units with codes");
    }
}
