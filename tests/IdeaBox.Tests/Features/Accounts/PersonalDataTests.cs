using System.Text.Json;
using IdeaBox.Web.Features.Accounts;
using IdeaBox.Web.Features.Admin;
using IdeaBox.Web.Features.Comments;
using IdeaBox.Web.Features.Votes;

namespace IdeaBox.Tests.Features.Accounts;

[Collection(Pages.Name)]
public sealed class PersonalDataTests(AppFixture app) : AppTest(app)
{
    private const string DeleteForm = "form[action*=Delete]";

    /// <summary>Someone with a bit of everything: an entry, a comment on another's entry, a vote, a notification.</summary>
    private async Task<(TestUser Person, int OwnEntry, int OtherEntry)> SomeoneActive()
    {
        var person = await Given.AnAgent();
        var other = await Given.AnAgent();
        var own = await Given.AnEntry(author: person, title: "Les imprimantes du 3e étage");
        var others = await Given.AnEntry(author: other, title: "Le chauffage du bâtiment B");
        await Send(new AddComment(others, null, "Même constat au 2e."), person);
        await Send(new CastVote(others), person);
        await Send(new AddComment(own, null, "Bonne idée."), other);
        return (person, own, others);
    }

    [Fact]
    public async Task Everyone_downloads_everything_IdeaBox_holds_about_them_as_json()
    {
        var (person, own, others) = await SomeoneActive();
        var client = await SignInAsync(person);
        var download = await client.Http.GetAsync("/Account/MyData?handler=Download");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith($"ideabox-donnees-{person.Id}-", download.Content.Headers.ContentDisposition!.FileName);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(person.Email, root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("Les imprimantes du 3e étage", root.GetProperty("entries")[0].GetProperty("title").GetString());
        Assert.Equal("Même constat au 2e.", root.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal(others, root.GetProperty("votes")[0].GetProperty("entryId").GetInt32());
        Assert.Contains(root.GetProperty("follows").EnumerateArray(), f => f.GetProperty("entryId").GetInt32() == own);
        Assert.Equal("CommentOnYourEntry", root.GetProperty("notifications")[0].GetProperty("kind").GetString());
        Assert.Contains(root.GetProperty("securityEvents").EnumerateArray(), e => e.GetProperty("kind").GetString() == "SignInSucceeded");
        Assert.Equal(SecurityEventKind.PersonalDataDownloaded, await WithDb(db => db.SecurityEvents.OrderBy(e => e.Id).Select(e => e.Kind).LastAsync()));
    }

    [Fact]
    public async Task Deleting_my_account_erases_my_name_keeps_my_words_as_a_former_agent_s_and_signs_me_out_for_good()
    {
        var (person, own, others) = await SomeoneActive();
        var client = await SignInAsync(person);
        var unconfirmed = await client.PostForm("/Account/MyData", DeleteForm, new());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal("Cochez la case pour confirmer.", AppClient.FieldError(await AppClient.Html(unconfirmed), "understood-error"));

        var deleted = await client.PostForm("/Account/MyData", DeleteForm, new() { ["Understood"] = "true" });
        Assert.Equal("/Account/Login", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/Entries")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.Anonymous().SignIn(person.Email, AppFixture.Password)).StatusCode);

        var account = await WithDb(db => db.Users.SingleAsync(u => u.Id == person.Id));
        Assert.Equal(("", $"deleted-{person.Id}@deleted.invalid", null), (account.DisplayName, account.Email, account.PasswordHash));
        Assert.NotNull(account.DeletedAt);
        Assert.Equal(1, (await EntryAsync(others)).VoteCount);
        Assert.False(await WithDb(db => db.Follows.AnyAsync(f => f.UserId == person.Id)));
        Assert.False(await WithDb(db => db.Notifications.AnyAsync(n => n.UserId == person.Id)));
        var deletion = await WithDb(db => db.SecurityEvents.SingleAsync(e => e.Kind == SecurityEventKind.AccountDeleted));
        Assert.Equal((person.Id, null), (deletion.UserId, deletion.Email));

        var reader = await SignInAsync(await Given.AnAgent());
        var (_, page) = await reader.Get($"/Entries/{own}");
        Assert.Contains("Ancien agent", page.QuerySelector(".entry-facts")!.TextContent);
        var (_, discussion) = await reader.Get($"/Entries/{others}");
        Assert.Contains(discussion.QuerySelectorAll(".comment strong"), s => s.TextContent == "Ancien agent");
        Assert.DoesNotContain(person.DisplayName, discussion.Body!.TextContent);
    }

    [Fact]
    public async Task Administrators_download_and_delete_the_account_of_someone_who_left_but_not_their_own_nor_the_last_administrator()
    {
        var (person, _, _) = await SomeoneActive();
        var admin = await Given.AnAdministrator();
        var browser = await SignInAsync(admin);
        var data = await browser.Http.GetAsync($"/Admin/Users/Account/{person.Id}?handler=Data");
        Assert.Equal("application/json", data.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostForm($"/Admin/Users/Account/{person.Id}", DeleteForm, new() { ["understood"] = "true" })).StatusCode);
        Assert.NotNull(await WithDb(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.DeletedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"/Admin/Users/Account/{person.Id}")).StatusCode);
        Assert.DoesNotContain((await Send(new ListUsers(null), admin)).Items, u => u.Id == person.Id);

        Assert.Equal("Admin.NotYourself", (await Assert.ThrowsAsync<ConflictException>(async () => await Send(new DeleteUser(admin.Id, true), admin))).MessageKey);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new DeleteUser(admin.Id, true), await Given.AModerator()));
        var alone = await Assert.ThrowsAsync<ConflictException>(async () => await Send(new DeleteMyAccount(true), admin));
        Assert.Equal("Account.LastAdministrator", alone.MessageKey);
        await Given.AnAdministrator();
        await Send(new DeleteMyAccount(true), admin);
    }
}
