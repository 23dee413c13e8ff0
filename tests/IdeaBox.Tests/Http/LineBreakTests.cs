using System.Net;
using IdeaBox.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IdeaBox.Tests.Http;

public sealed class LineBreakTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Browser_line_breaks_are_stored_as_newlines_and_pages_stay_valid_html()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var theme = await app.WithDb(db => db.Themes.Select(t => t.Id).FirstAsync());
        var response = await client.PostForm("/Entries/New", "form.entry-form", new()
        {
            ["Input.Kind"] = "Idea", ["Input.Title"] = "Deux lignes", ["Input.Body"] = "Première ligne.\r\nDeuxième ligne.",
            ["Input.ThemeIds"] = theme.ToString(), ["Input.SimilarChecked"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal("Première ligne.\nDeuxième ligne.", await app.WithDb(db => db.Entries.Where(e => e.Id == id).Select(e => e.Body).SingleAsync()));

        await client.PostForm($"/Entries/{id}", "form.comment-form", new() { ["Comment.Body"] = "Un\r\ndeux" });
        Assert.Equal("Un\ndeux", await app.WithDb(db => db.Comments.Where(c => c.EntryId == id).Select(c => c.Body).SingleAsync()));

        var edit = await client.Http.GetStringAsync($"/Entries/{id}/Edit");
        Assert.DoesNotContain("&#xD;", edit);
    }
}
