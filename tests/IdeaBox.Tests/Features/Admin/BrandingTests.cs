using System.Net.Http.Headers;
using System.Text;

namespace IdeaBox.Tests.Features.Admin;

/// <summary>Branding by an administrator: the organisation's name, colour (AA-checked), footer links and a checked logo on every page.</summary>
[Collection(Pages.Name)]
public sealed class BrandingTests(AppFixture app) : AppTest(app)
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/pXn4WQAAAABJRU5ErkJggg==");

    private async Task<HttpResponseMessage> UploadAsync(AppClient admin, byte[] content, string fileName)
    {
        var (_, page) = await admin.Get("/Admin/Branding");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AppClient.Token(page, "form[enctype]")), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Logo", fileName);
        return await admin.Http.PostAsync("/Admin/Branding?handler=Logo", form);
    }

    [Fact]
    public async Task An_administrator_names_the_organisation_and_its_colour_and_links_appear_on_every_page_even_before_sign_in()
    {
        var admin = await SignInAsync(await Given.AnAdministrator());
        var refused = await admin.PostForm("/Admin/Branding", "main form:not([enctype])", new()
        {
            ["Details.OrganisationName"] = "Ministère de la Simplification", ["Details.PrimaryColour"] = "#ffd400",
            ["Details.FooterLinks"] = "Intranet | javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await AppClient.Html(refused);
        Assert.Matches(@"^Le texte blanc sur cette couleur n'a qu'un contraste de 1,\d:1 ; il faut au moins 4,5:1\.", AppClient.FieldError(errors, "colour-error"));
        Assert.StartsWith("Chaque ligne doit être", AppClient.FieldError(errors, "footer-error"));
        Assert.Empty(await WithDb(db => db.Branding.ToListAsync()));

        var saved = await admin.PostForm("/Admin/Branding", "main form:not([enctype])", new()
        {
            ["Details.OrganisationName"] = "Ministère de la Simplification", ["Details.PrimaryColour"] = "#6B2C91",
            ["Details.FooterLinks"] = "Intranet | https://intranet.example\nAide | /Accessibility",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, login) = await App.Anonymous().Get("/Account/Login");
        Assert.Equal("Ministère de la Simplification", login.QuerySelector(".brand")!.TextContent.Trim());
        Assert.EndsWith("– Ministère de la Simplification", login.Title);
        Assert.Equal("https://intranet.example", login.QuerySelector(".site-footer a[href^='https']")!.GetAttribute("href"));
        var css = login.QuerySelector("link[href*='branding.css']")!.GetAttribute("href")!;
        var sheet = await (await App.Anonymous().Http.GetAsync(css)).Content.ReadAsStringAsync();
        Assert.Contains("--header-bg: #6b2c91;", sheet);
        Assert.Contains("--brand: #6b2c91;", sheet);
    }

    [Fact]
    public async Task A_logo_is_a_checked_png_or_a_cleaned_svg_and_anything_else_is_refused_next_to_the_field()
    {
        var admin = await SignInAsync(await Given.AnAdministrator());
        var notImage = await UploadAsync(admin, Encoding.UTF8.GetBytes("MZ not an image"), "logo.exe");
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Equal("Ce fichier n'est ni une image PNG ni un SVG lisible.", AppClient.FieldError(await AppClient.Html(notImage), "logo-error"));
        var tooLarge = await UploadAsync(admin, new byte[Branding.LogoMaxBytes + 1], "big.png");
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal("Le logo dépasse 200 Ko.", AppClient.FieldError(await AppClient.Html(tooLarge), "logo-error"));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, Png, "logo.png")).StatusCode);
        var png = await App.Anonymous().Http.GetAsync("/branding/logo");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await png.Content.ReadAsByteArrayAsync());
        var (_, page) = await admin.Get("/Entries");
        Assert.NotNull(page.QuerySelector(".brand img.brand-logo"));

        const string hostile = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
              <script>alert(2)</script><foreignObject><p>x</p></foreignObject>
              <rect width="10" height="10" fill="url(https://evil.example/x)" onclick="alert(3)"/><circle r="4" fill="#123456"/>
              <image xlink:href="https://evil.example/p.png"/>
            </svg>
            """;
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, Encoding.UTF8.GetBytes(hostile), "logo.svg")).StatusCode);
        var svg = await App.Anonymous().Http.GetAsync("/branding/logo");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", svg.Headers.GetValues("Content-Security-Policy").Single());
        var text = await svg.Content.ReadAsStringAsync();
        Assert.Contains("<circle r=\"4\" fill=\"#123456\"", text);
        foreach (var gone in new[] { "script", "onload", "onclick", "foreignObject", "evil.example", "image" }) Assert.DoesNotContain(gone, text);

        var entity = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>""";
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(admin, Encoding.UTF8.GetBytes(entity), "xxe.svg")).StatusCode);

        var agent = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostWithToken("/Privacy", "form.language", "/Admin/Branding?handler=RemoveLogo", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().Http.GetAsync("/branding/logo")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/Admin/Branding")).StatusCode);
    }
}
