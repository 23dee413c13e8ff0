using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, reads pages as HTML, posts forms with their antiforgery token.</summary>
public sealed class AppClient(HttpClient http)
{
    internal static readonly HtmlParser Parser = new();

    /// <summary>The app as users reach it: over HTTPS (the test server sees the scheme of the address), so that its Secure cookies come back.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    public HttpClient Http { get; } = http;

    public static AppClient Anonymous(AppFixture app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress }));

    public static async Task<AppClient> SignedIn(AppFixture app, string email)
    {
        var client = Anonymous(app);
        var response = await client.PostForm("/Account/Login", "form:not(.language)", new() { ["Input.Email"] = email, ["Input.Password"] = AppFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Signs in through the login form and returns the session's cookie as a browser would send it back ("__Host-IdeaBox.Auth=…").</summary>
    public static async Task<string> SignInCookie(AppFixture app, string email, string password = AppFixture.Password)
    {
        var response = await SignInWithoutCookies(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseAddress }), email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-IdeaBox.Auth=", StringComparison.Ordinal));
    }

    /// <summary>Posts the login form through <paramref name="http"/>, which keeps no cookies: the antiforgery cookie is carried by hand. Returns the login's answer.</summary>
    public static async Task<HttpResponseMessage> SignInWithoutCookies(HttpClient http, string email, string password = AppFixture.Password, bool rememberMe = false)
    {
        var page = await http.GetAsync("/Account/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-IdeaBox.Antiforgery=", StringComparison.Ordinal));
        var token = Token(Parser.ParseDocument(await page.Content.ReadAsStringAsync()), "form:not(.language)");
        using var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", email), new("Input.Password", password),
                new("Input.RememberMe", rememberMe ? "true" : "false")]),
        };
        login.Headers.Add("Cookie", antiforgery);
        return await http.SendAsync(login);
    }

    /// <summary>A client that sends <paramref name="cookie"/> with every request and keeps nothing: a replayed or copied session.</summary>
    public static AppClient WithCookie(AppFixture app, string cookie)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseAddress });
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new AppClient(http);
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> Get(string url)
    {
        var response = await Http.GetAsync(url);
        return (response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, fills the form matching <paramref name="formSelector"/> and posts it to its action.</summary>
    public async Task<HttpResponseMessage> PostForm(string pageUrl, string formSelector, Dictionary<string, string> values, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var (_, document) = await Get(pageUrl);
        var form = document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var fields = new List<KeyValuePair<string, string>>();
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value;
        if (token is not null) fields.Add(new("__RequestVerificationToken", token));
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (hidden.Name is { } name && name != "__RequestVerificationToken" && !values.ContainsKey(name))
                fields.Add(new(name, hidden.Value));
        }
        fields.AddRange(values);
        if (extra is not null) fields.AddRange(extra);
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Posts raw fields to <paramref name="url"/> with the antiforgery token of a form the user
    /// may open (<paramref name="tokenPage"/>): how a user would forge a request to a page they may not open.
    /// </summary>
    public async Task<HttpResponseMessage> PostWithToken(string tokenPage, string formSelector, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, page) = await Get(tokenPage);
        return await PostWithToken(Token(page, formSelector), url, fields);
    }

    public Task<HttpResponseMessage> PostWithToken(string token, string url, IEnumerable<KeyValuePair<string, string>>? fields = null) =>
        Http.PostAsync(url, new FormUrlEncodedContent((fields ?? []).Prepend(new("__RequestVerificationToken", token))));

    /// <summary>The antiforgery token of the form matching <paramref name="formSelector"/>.</summary>
    public static string Token(IDocument page, string formSelector) =>
        page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token in '{formSelector}'.");

    /// <summary>The id of the entry a form post redirected to ("/Entries/12").</summary>
    public static int RedirectedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('#')[0].Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<IHtmlDocument> Html(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The message shown next to a field (the element with that id).</summary>
    public static string FieldError(IDocument document, string id) =>
        document.GetElementById(id)?.TextContent.Trim() ?? "";
}
