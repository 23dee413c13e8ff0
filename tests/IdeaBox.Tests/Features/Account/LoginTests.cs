namespace IdeaBox.Tests.Features.Account;

[Collection(Pages.Name)]
public sealed class LoginTests(AppFixture app) : AppTest(app)
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task A_user_signs_in_and_lands_on_the_list_or_the_page_they_asked_for()
    {
        var user = await Given.AnAgent();
        var response = await App.Anonymous().PostForm("/Account/Login?ReturnUrl=%2FEntries%2FMine", "form:not(.language)", Credentials(user.Email, AppFixture.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Entries/Mine", response.Headers.Location!.OriginalString);
        // An address elsewhere is not followed.
        var outside = await App.Anonymous().PostForm("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "form:not(.language)", Credentials(user.Email, AppFixture.Password));
        Assert.Equal("/", outside.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_or_a_missing_field_is_refused_with_a_message_next_to_the_field()
    {
        var user = await Given.AnAgent();
        var wrong = await App.Anonymous().PostForm("/Account/Login", "form:not(.language)", Credentials(user.Email, "wrong"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.StartsWith("Adresse e-mail ou mot de passe incorrect.", AppClient.FieldError(await AppClient.Html(wrong), "password-error"));
        var empty = await App.Anonymous().PostForm("/Account/Login", "form:not(.language)", Credentials("", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Ce champ est obligatoire.", AppClient.FieldError(await AppClient.Html(empty), "email-error"));
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_leaves_the_user_anonymous()
    {
        var client = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/Account/Logout")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Get("/Entries")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostForm("/Entries", "form[action*=Logout]", new())).StatusCode);
        var after = await client.Http.GetAsync("/Entries");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }
}
