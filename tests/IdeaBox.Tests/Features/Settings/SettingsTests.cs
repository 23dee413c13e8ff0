using IdeaBox.Web.Features.Settings;

namespace IdeaBox.Tests.Features.Settings;

[Collection(Slices.Name)]
public sealed class SettingsTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_weekly_digest_is_on_until_the_user_turns_it_off()
    {
        var agent = await Given.AnAgent();
        var settings = await Send(new GetMySettings(), agent);
        Assert.Equal((agent.DisplayName, agent.Email, true, true, false), (settings.DisplayName, settings.Email, settings.WeeklyDigest, settings.HasPassword, settings.TwoFactor));
        await Send(new SaveMySettings(WeeklyDigest: false), agent);
        Assert.False((await Send(new GetMySettings(), agent)).WeeklyDigest);
        Assert.True(await WithDb(db => db.Users.Where(u => u.Id == agent.Id).Select(u => u.DigestOptOut).SingleAsync()));
    }

    [Fact]
    public async Task Each_role_chooses_how_its_kinds_of_notification_arrive_and_defaults_are_not_stored()
    {
        var agent = await Given.AnAgent();
        Assert.Equal([(NotificationKind.StatusChanged, NotificationDelivery.Immediately), (NotificationKind.CommentOnYourEntry, NotificationDelivery.Immediately),
            (NotificationKind.ReplyToYourComment, NotificationDelivery.Immediately), (NotificationKind.ProjectProgress, NotificationDelivery.Immediately),
            (NotificationKind.CallOpened, NotificationDelivery.Immediately), (NotificationKind.CallClosed, NotificationDelivery.Immediately)],
            (await Send(new GetMySettings(), agent)).Notifications.Select(n => (n.Kind, n.Delivery)));
        var moderator = await Given.AModerator();
        var offered = (await Send(new GetMySettings(), moderator)).Notifications;
        Assert.Equal(NotificationDelivery.DailySummary, offered.Single(n => n.Kind == NotificationKind.AwaitingTriage).Delivery);

        await Send(new SaveMySettings(true, new Dictionary<NotificationKind, NotificationDelivery>
        {
            [NotificationKind.AwaitingTriage] = NotificationDelivery.Immediately,
            [NotificationKind.CommentOnYourEntry] = NotificationDelivery.InAppOnly,
            [NotificationKind.StatusChanged] = NotificationDelivery.Immediately,
        }), moderator);
        Assert.Equal([(NotificationKind.CommentOnYourEntry, NotificationDelivery.InAppOnly), (NotificationKind.AwaitingTriage, NotificationDelivery.Immediately)],
            await WithDb(db => db.NotificationPreferences.Where(p => p.UserId == moderator.Id).OrderBy(p => p.Kind).Select(p => ValueTuple.Create(p.Kind, p.Delivery)).ToListAsync()));
        await Send(new SaveMySettings(true, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.AwaitingTriage] = NotificationDelivery.DailySummary }), moderator);
        Assert.Equal(1, await WithDb(db => db.NotificationPreferences.CountAsync(p => p.UserId == moderator.Id)));

        // An agent cannot store a choice for a kind they never receive; an unknown value is refused.
        await Send(new SaveMySettings(true, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.AwaitingTriage] = NotificationDelivery.Immediately }), agent);
        Assert.False(await WithDb(db => db.NotificationPreferences.AnyAsync(p => p.UserId == agent.Id)));
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Send(new SaveMySettings(true, new Dictionary<NotificationKind, NotificationDelivery> { [NotificationKind.StatusChanged] = (NotificationDelivery)9 }), agent));
    }

    [Fact]
    public async Task Only_the_interface_languages_can_be_chosen()
    {
        var agent = await Given.AnAgent();
        await Send(new ChooseLanguage("en-GB"), agent);
        Assert.Equal("en-GB", await WithDb(db => db.Users.Where(u => u.Id == agent.Id).Select(u => u.Culture).SingleAsync()));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Send(new ChooseLanguage("xx-XX"), agent));
    }
}

[Collection(Pages.Name)]
public sealed class SettingsPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task The_weekly_digest_can_be_turned_off_in_the_settings()
    {
        var agent = await Given.AnAgent();
        var client = await SignInAsync(agent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostForm("/Settings", "main form", new() { ["WeeklyDigest"] = "false" })).StatusCode);
        Assert.True(await WithDb(db => db.Users.Where(u => u.Id == agent.Id).Select(u => u.DigestOptOut).SingleAsync()));
        var (_, page) = await client.Get("/Settings");
        Assert.False(page.GetElementById("WeeklyDigest")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Notification_choices_are_radio_buttons_that_keep_what_was_chosen()
    {
        var moderator = await Given.AModerator();
        var client = await SignInAsync(moderator);
        var (_, before) = await client.Get("/Settings");
        Assert.True(before.GetElementById("delivery-AwaitingTriage-DailySummary")!.HasAttribute("checked"));
        Assert.Equal("Une nouvelle contribution à trier", before.QuerySelector("fieldset.delivery:has(#delivery-AwaitingTriage-DailySummary) legend")!.TextContent);
        await client.PostForm("/Settings", "main form", new() { ["WeeklyDigest"] = "true", ["Deliveries[AwaitingTriage]"] = "InAppOnly" });
        var (_, after) = await client.Get("/Settings");
        Assert.True(after.GetElementById("delivery-AwaitingTriage-InAppOnly")!.HasAttribute("checked"));
        var invalid = await client.PostForm("/Settings", "main form", new() { ["Deliveries[AwaitingTriage]"] = "Carrier pigeon" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task The_language_chosen_is_kept_in_the_account_and_applies_at_the_next_sign_in_elsewhere()
    {
        var user = await Given.AnAgent();
        var first = await SignInAsync(user);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostForm("/Entries", "form.language", new() { ["culture"] = "en-GB" })).StatusCode);
        var (_, english) = await first.Get("/Entries");
        Assert.Equal(("en-GB", "All contributions"), (english.DocumentElement.GetAttribute("lang"), english.QuerySelector("h1")!.TextContent));
        Assert.Equal("en-GB", await WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Culture).SingleAsync()));

        // Another browser, no cookie yet: English as soon as the user signs in; the switch then offers French.
        var other = await SignInAsync(user);
        var (_, page) = await other.Get("/Entries");
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Français", page.QuerySelector("form.language button")!.TextContent);
        await other.PostForm("/Entries", "form.language", new() { ["culture"] = "fr-BE" });
        Assert.Equal("fr-BE", await WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Culture).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_language_is_refused_and_an_anonymous_visitor_may_switch()
    {
        var client = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostForm("/Entries", "form.language", new() { ["culture"] = "xx-XX" })).StatusCode);
        var anonymous = App.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostForm("/Account/Login", "form.language", new() { ["culture"] = "en-GB" })).StatusCode);
        var (_, login) = await anonymous.Get("/Account/Login");
        Assert.Equal("en-GB", login.DocumentElement.GetAttribute("lang"));
    }
}
