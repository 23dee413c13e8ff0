using System.Net;
using IdeaBox.Domain;
using IdeaBox.Tests.Features.Moderation;
using IdeaBox.Tests.Infrastructure;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Http;

/// <summary>The language a user chooses follows them: to another browser and into their e-mails.</summary>
public sealed class LanguageTests(SliceFixture app) : IClassFixture<SliceFixture>
{
    private const string Email = "direction@ideabox.demo";

    [Fact]
    public async Task The_choice_is_stored_in_the_account_and_applies_at_the_next_sign_in_elsewhere()
    {
        var first = await AppClient.SignedIn(app, Email);
        var switched = await first.PostForm("/Entries", "form.language", new() { ["culture"] = "en-GB" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("en-GB", await app.WithDb(db => db.Users.Where(u => u.Email == Email).Select(u => u.Culture).SingleAsync()));

        // Another browser, no cookie yet: English as soon as the user signs in.
        var other = await AppClient.SignedIn(app, Email);
        var (_, page) = await other.Get("/Entries");
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("All contributions", page.QuerySelector("h1")!.TextContent);

        await other.PostForm("/Entries", "form.language", new() { ["culture"] = "fr-BE" });
        Assert.Equal("fr-BE", await app.WithDb(db => db.Users.Where(u => u.Email == Email).Select(u => u.Culture).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_language_is_refused()
    {
        var client = await AppClient.SignedIn(app, TestApp.Agent);
        var response = await client.PostForm("/Entries", "form.language", new() { ["culture"] = "xx-XX" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task E_mails_are_written_in_the_recipients_language()
    {
        var mailer = app.Services.GetRequiredService<NotificationMailer>();
        await mailer.SendPendingAsync(CancellationToken.None);
        var english = await app.OtherAgentAsync(30);
        await app.WithDb(db => db.Users.Where(u => u.Id == english.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, "en-GB")));
        var id = await app.NewEntryAsync(title: "Les archives débordent du sous-sol", author: english);
        await app.Send(new ChangeStatus(id, EntryStatus.UnderReview, null), await app.UserAsync(TestApp.Moderator));
        await mailer.SendPendingAsync(CancellationToken.None);

        var mail = Directory.GetFiles(app.MailFolder).Select(File.ReadAllText).Single(t => t.Contains("Les archives d") && t.Contains("Under review"));
        Assert.Contains("Hello ", mail);
        Assert.DoesNotContain("Bonjour", mail);
    }
}
