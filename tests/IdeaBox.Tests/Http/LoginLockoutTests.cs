using System.Net;
using IdeaBox.Tests.Infrastructure;

namespace IdeaBox.Tests.Http;

/// <summary>Its own app (and database): locking an account must not disturb other tests.</summary>
public sealed class LoginLockoutTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_with_429_and_a_message()
    {
        var client = AppClient.Anonymous(app);
        HttpResponseMessage response = null!;
        for (var attempt = 0; attempt < 5; attempt++)
            response = await client.PostForm("/Account/Login", "form:not(.language)", new() { ["Input.Email"] = "direction@ideabox.demo", ["Input.Password"] = "not-the-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Trop de tentatives : ce compte est bloqué pendant quelques minutes.",
            AppClient.FieldError(await AppClient.Html(response), "password-error"));

        // Even the right password is refused while the account is locked.
        var right = await client.PostForm("/Account/Login", "form:not(.language)", new() { ["Input.Email"] = "direction@ideabox.demo", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}
