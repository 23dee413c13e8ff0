using System.Web;
using IdeaBox.OidcProvider;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// The full authorization code flow as a browser walks it: IdeaBox sends the browser to the
/// provider, the person signs in on the provider's page, the provider sends them back with a code,
/// IdeaBox exchanges it (server to server) and sets its cookie.
/// </summary>
public sealed class SsoFlow(AppClient app, TestOidcProvider provider) : IDisposable
{
    private readonly HttpClient _browserAtProvider = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });

    public AppClient App => app;

    /// <summary>Signs in as <paramref name="user"/>; the result is IdeaBox's last answer (a redirect home, or to the error page).</summary>
    public async Task<HttpResponseMessage> SignInAsync(DirectoryUser user) => await ReturnAsync(await AuthorizeAsync(user));

    /// <summary>Starts at IdeaBox's button and goes through the provider's login page; returns where the provider sends the browser back.</summary>
    public async Task<Uri> AuthorizeAsync(DirectoryUser user)
    {
        var challenge = await app.Http.GetAsync("/Account/External");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(provider.Issuer.ToString(), authorize.ToString());
        var answer = await _browserAtProvider.GetAsync(authorize);
        if (answer.Headers.Location is { } login && login.ToString().Contains("/login", StringComparison.Ordinal))
        {
            var returnUrl = HttpUtility.ParseQueryString(new Uri(provider.Issuer, login).Query)["ReturnUrl"]!;
            answer = await _browserAtProvider.PostAsync(new Uri(provider.Issuer, "/login"), new FormUrlEncodedContent(
                [new("login", user.Login), new("password", user.Password), new("returnUrl", returnUrl)]));
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            answer = await _browserAtProvider.GetAsync(new Uri(provider.Issuer, answer.Headers.Location!));
        }
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>Comes back to IdeaBox with the provider's answer and follows IdeaBox's own redirects to the end of the sign-in.</summary>
    public async Task<HttpResponseMessage> ReturnAsync(Uri callback)
    {
        var response = await app.Http.GetAsync(callback.PathAndQuery);
        while (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/External?handler=Callback", StringComparison.Ordinal))
            response = await app.Http.GetAsync(response.Headers.Location);
        return response;
    }

    /// <summary>Follows a redirect to the provider (signing out there) and back.</summary>
    public async Task<HttpResponseMessage> AtProviderAsync(Uri location) => await _browserAtProvider.GetAsync(location);

    public void Dispose() => _browserAtProvider.Dispose();
}
