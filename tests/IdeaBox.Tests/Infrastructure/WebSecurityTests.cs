using Microsoft.AspNetCore.Mvc.Testing;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// IdeaBox behind the reverse proxy that ends TLS: forwarded headers believed from the configured
/// proxy only, cookies that travel over HTTPS only, HSTS, security headers on every kind of answer,
/// links built from the configured public address.
/// </summary>
[Collection(Pages.Name)]
public sealed class WebSecurityTests(AppFixture app) : AppTest(app)
{
    /// <summary>The reverse proxy the test configuration trusts.</summary>
    public const string Proxy = "192.0.2.1";

    /// <summary>A client reaching the app over plain HTTP from <paramref name="peer"/>, which says the browser used HTTPS from 198.51.100.7.</summary>
    private HttpClient Through(string peer)
    {
        var http = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://ideabox.example"),
        });
        http.DefaultRequestHeaders.Add(ClientAddress.PeerHeader, peer);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        return http;
    }

    [Fact]
    public async Task Behind_the_known_proxy_the_app_sees_https_and_the_browser_s_address_and_sends_host_only_secure_cookies()
    {
        var agent = await Given.AnAgent();
        var login = await AppClient.SignInWithoutCookies(Through(Proxy), agent.Email);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single());
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-IdeaBox.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("; httponly", cookie);
        Assert.Contains("; samesite=lax", cookie);
        Assert.Contains("; path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
        Assert.DoesNotContain("expires=", cookie);
        Assert.Equal("198.51.100.7", await WithDb(db => db.SecurityEvents.Where(e => e.UserId == agent.Id && e.Kind == SecurityEventKind.SignInSucceeded).Select(e => e.IpAddress).SingleAsync()));
    }

    [Fact]
    public async Task From_any_other_address_forwarded_headers_are_ignored()
    {
        var agent = await Given.AnAgent();
        var login = await AppClient.SignInWithoutCookies(Through("192.0.2.99"), agent.Email);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
        // Cookies still never travel over plain HTTP.
        Assert.Contains("; secure", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-IdeaBox.Auth=", StringComparison.Ordinal)));
        Assert.Equal("192.0.2.99", await WithDb(db => db.SecurityEvents.Where(e => e.UserId == agent.Id && e.Kind == SecurityEventKind.SignInSucceeded).Select(e => e.IpAddress).SingleAsync()));
    }

    [Fact]
    public async Task Links_in_exports_come_from_the_configured_address_never_from_the_host_header()
    {
        var agent = await Given.AnAgent();
        var entry = await Given.AnEntry(author: agent);
        var client = await SignInAsync(await Given.ALeader());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Entries/Index?handler=Export&format=Csv");
        request.Headers.Host = "evil.example";
        var rows = await Downloads.Csv(await client.Http.SendAsync(request));

        Assert.Equal($"http://localhost:5080/Entries/{entry}", rows.Single(r => r[0] == $"{entry}")[^1]);
    }

    [Fact]
    public async Task Every_kind_of_answer_carries_the_security_headers_and_signed_in_answers_are_never_stored()
    {
        var agent = await Given.AnAgent();
        var client = await SignInAsync(agent);
        var anonymous = App.Anonymous();
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["login page"] = (await anonymous.Get("/Account/Login")).Response,
            ["404"] = await client.Http.GetAsync("/Entries/999999"),
            ["anonymous 404"] = await anonymous.Http.GetAsync("/nothing-here"),
            ["403"] = await client.Http.GetAsync("/Admin/Users"),
            ["500"] = await client.Http.GetAsync(FailingEndpoint.Path),
            ["download"] = await (await SignInAsync(await Given.ALeader())).Http.GetAsync("/Entries/Index?handler=Export&format=Csv"),
            ["signed-in page"] = await client.Http.GetAsync("/Entries"),
        };
        Assert.Equal(HttpStatusCode.InternalServerError, answers["500"].StatusCode);
        foreach (var (name, response) in answers)
        {
            var problems = SecurityHeadersAssert.Problems(response, signedIn: !name.StartsWith("anonymous", StringComparison.Ordinal) && name != "login page");
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
        }
    }
}

/// <summary>What every answer of the app must carry.</summary>
public static class SecurityHeadersAssert
{
    public static void Present(HttpResponseMessage response, string name)
    {
        var problems = Problems(response, signedIn: false);
        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    /// <summary>What is missing from <paramref name="response"/>'s headers; for a signed-in person, the answer must not be stored either.</summary>
    public static List<string> Problems(HttpResponseMessage response, bool signedIn)
    {
        string Header(string header) => response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : "";
        var problems = new List<string>();
        var csp = Header("Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "base-uri 'none'", "form-action 'self'", "object-src 'none'", "frame-ancestors 'none'" })
            if (!csp.Contains(directive, StringComparison.Ordinal)) problems.Add($"CSP without {directive}");
        if (csp.Contains("unsafe-inline", StringComparison.Ordinal)) problems.Add("CSP allows unsafe-inline");
        if (Header("X-Content-Type-Options") != "nosniff") problems.Add("no X-Content-Type-Options: nosniff");
        if (Header("Referrer-Policy") is not ("same-origin" or "no-referrer")) problems.Add($"Referrer-Policy '{Header("Referrer-Policy")}'");
        if (!Header("Permissions-Policy").Contains("camera=()", StringComparison.Ordinal)) problems.Add("no Permissions-Policy");
        if (signedIn && response.Headers.CacheControl?.NoStore != true) problems.Add($"Cache-Control '{response.Headers.CacheControl}' for a signed-in person");
        return problems;
    }
}
