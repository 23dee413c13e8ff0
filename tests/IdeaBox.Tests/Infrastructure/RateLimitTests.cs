using System.Globalization;
using IdeaBox.Tests.Features.Accounts;
using IdeaBox.Web.Infrastructure.RateLimiting;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>
/// Scripts meet the framework's rate limiter: per person and per address budgets, a 429 with
/// Retry-After and a page in the user's language, nothing saved past the budget; password guessing
/// throttled per address before it can lock anyone out, with the same answers for every address.
/// </summary>
[Collection(Pages.Name)]
public sealed class RateLimitTests(AppFixture app) : AppTest(app)
{
    private RateLimitOptions Limits => App.Options<RateLimitOptions>();

    /// <summary>The new budgets apply from now on.</summary>
    private void Apply() => App.Service<RequestLimits>().Reset();

    private AppClient From(string address)
    {
        var client = App.Anonymous();
        client.Http.DefaultRequestHeaders.Add(ClientAddress.PeerHeader, address);
        return client;
    }

    private static async Task AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("Trop de demandes", (await AppClient.Html(response)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_script_posting_comments_is_stopped_with_429_and_nothing_more_is_saved_while_others_still_comment()
    {
        Limits.Comment.PerUser = 3;
        Apply();
        var entry = await Given.AnEntry();
        var script = await SignInAsync(await Given.AnAgent());
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await script.PostForm($"/Entries/{entry}", "form.comment-form", new() { ["Comment.Body"] = $"Message {i}" })).StatusCode);

        await AssertRefused(await script.PostForm($"/Entries/{entry}", "form.comment-form", new() { ["Comment.Body"] = "Message 4" }));
        Assert.Equal(3, await WithDb(db => db.Comments.CountAsync(c => c.EntryId == entry)));
        var someoneElse = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.Redirect, (await someoneElse.PostForm($"/Entries/{entry}", "form.comment-form", new() { ["Comment.Body"] = "Moi aussi" })).StatusCode);
    }

    [Fact]
    public async Task An_address_has_its_own_budget_across_accounts()
    {
        Limits.Search.PerAddress = 3;
        Apply();
        var first = await SignInAsync(await Given.AnAgent());
        var second = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/Entries?q=imprimante")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/Entries?q=cantine")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/Entries")).StatusCode);
        await AssertRefused(await second.Http.GetAsync("/Entries?q=parking"));

        // Pages without a budget are not affected.
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/Settings")).StatusCode);
    }

    [Fact]
    public async Task Votes_exports_and_submissions_have_their_budgets_and_the_vote_block_carries_its_refusal_message()
    {
        Limits.Vote.PerUser = 2;
        Limits.Export.PerUser = 1;
        Limits.Submit.PerUser = 1;
        Apply();
        var entry = await Given.AnEntry();
        var agent = await SignInAsync(await Given.AnAgent());
        var (_, page) = await agent.Get($"/Entries/{entry}");
        Assert.Equal("Trop de votes en peu de temps : attendez un instant avant de réessayer.", page.QuerySelector("section.votes")!.GetAttribute("data-too-many"));
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostForm($"/Entries/{entry}", "form[action*=handler\\=Vote]", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostForm($"/Entries/{entry}", "form[action*=Unvote]", [])).StatusCode);
        await AssertRefused(await agent.PostForm($"/Entries/{entry}", "form[action*=handler\\=Vote]", []));
        Assert.Equal(0, await WithDb(db => db.Votes.CountAsync(v => v.EntryId == entry)));

        var moderator = await SignInAsync(await Given.AModerator());
        Assert.Equal(HttpStatusCode.OK, (await moderator.Http.GetAsync("/Entries?handler=Export&format=Csv")).StatusCode);
        await AssertRefused(await moderator.Http.GetAsync("/Plan?handler=Export&format=Csv"));

        // The import pages share their budget rules (CsvImportPageModel).
        Limits.Import.PerUser = 1;
        Apply();
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.PostForm("/Moderation/Import?handler=Preview", "form[enctype]", new() { ["Csv"] = "" })).StatusCode);
        await AssertRefused(await moderator.PostForm("/Moderation/Import?handler=Preview", "form[enctype]", new() { ["Csv"] = "" }));
    }

    [Fact]
    public async Task One_address_is_throttled_before_it_can_lock_anyone_out_and_unknown_addresses_are_answered_the_same()
    {
        var agent = await Given.AnAgent();
        var attacker = From("203.0.113.66");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await attacker.SignIn(agent.Email, "pas le bon mot de passe");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.StartsWith("Adresse e-mail ou mot de passe incorrect.", AppClient.FieldError(await AppClient.Html(wrong), "password-error"));
        }
        var throttled = await attacker.SignIn(agent.Email, AppFixture.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.Contains("Retry-After"));
        Assert.StartsWith("Trop de tentatives pour cette adresse depuis cet appareil", AppClient.FieldError(await AppClient.Html(throttled), "password-error"));

        // The same script against an address with no account meets exactly the same answers.
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.SignIn("personne@ideabox.example", "pas le bon mot de passe")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignIn("personne@ideabox.example", "pas le bon mot de passe")).StatusCode);

        // The agent, at their own desk, signs in (as often as they like: only failures count): nobody locked them out.
        for (var time = 1; time <= 6; time++)
            Assert.Equal(HttpStatusCode.Redirect, (await From("192.0.2.20").SignIn(agent.Email, AppFixture.Password)).StatusCode);
        Assert.Null(await WithDb(db => db.Users.Where(u => u.Id == agent.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Failures_from_many_addresses_lock_the_account_with_the_same_answer_as_a_wrong_password()
    {
        var agent = await Given.AnAgent();
        for (var attempt = 1; attempt <= 10; attempt++)
            await From($"203.0.113.{attempt}").SignIn(agent.Email, "pas le bon mot de passe");

        var locked = await From("192.0.2.20").SignIn(agent.Email, AppFixture.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.StartsWith("Adresse e-mail ou mot de passe incorrect.", AppClient.FieldError(await AppClient.Html(locked), "password-error"));
        Assert.Contains(SecurityEventKind.LockedOut, await WithDb(db => db.SecurityEvents.Where(e => e.UserId == agent.Id).Select(e => e.Kind).ToListAsync()));
        Assert.True(await WithDb(db => db.Users.Where(u => u.Id == agent.Id).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow.AddMinutes(14));
    }
}
