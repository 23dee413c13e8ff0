using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Tests.Features.Entries;

[Collection(Slices.Name)]
public sealed class RecordEntryTests(AppFixture app) : AppTest(app)
{
    private async Task<EntryInput> Input() =>
        new(EntryKind.Difficulty, "Les circuits de validation sont longs", "Constat.", [(await Given.ATheme()).Id], null, false);

    [Fact]
    public async Task A_moderator_records_an_entry_from_another_source_with_its_reference_and_it_is_audited()
    {
        var moderator = await Given.AModerator();
        var id = await Send(new RecordEntry(await Input(), EntryOrigin.CafSelfAssessment, "CAF 2026 §4"), moderator);

        var entry = await EntryAsync(id);
        Assert.Equal((EntryOrigin.CafSelfAssessment, "CAF 2026 §4", moderator.Id), (entry.Origin, entry.OriginReference, entry.AuthorId));
        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal((AuditAction.Recorded, EntryOrigin.CafSelfAssessment, "CAF 2026 §4"), (audit.Action, audit.Origin!.Value, audit.Reason));
    }

    [Fact]
    public async Task Agents_cannot_record_and_the_origin_must_be_another_source()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Send(new RecordEntry(await Input(), EntryOrigin.SwotAnalysis, null), await Given.AnAgent()));
        var agentOrigin = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await Send(new RecordEntry(await Input(), EntryOrigin.Agent, null), await Given.AModerator()));
        Assert.Equal(("Origin", "Validation.UnknownOrigin"), (agentOrigin.Errors.Single().Field, agentOrigin.Errors.Single().MessageKey));
        var longReference = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await Send(new RecordEntry(await Input(), EntryOrigin.InternalAudit, new string('r', 201)), await Given.AModerator()));
        Assert.Equal("OriginReference", longReference.Errors.Single().Field);
        Assert.Equal(0, await WithDb(db => db.Entries.CountAsync()));
    }
}

[Collection(Pages.Name)]
public sealed class RecordEntryPageTests(AppFixture app) : AppTest(app)
{
    [Fact]
    public async Task A_moderator_records_an_entry_from_an_audit_and_an_agent_only_submits_their_own()
    {
        var theme = await Given.ATheme();
        Dictionary<string, string> Form(string title) => new()
        {
            ["Input.Kind"] = "Difficulty", ["Input.Title"] = title, ["Input.Body"] = "Constat.", ["Input.ThemeIds"] = theme.Id.ToString(),
            ["Input.Origin"] = "InternalAudit", ["Input.OriginReference"] = "AUD-9",
        };
        var moderator = await SignInAsync(await Given.AModerator());
        var (_, form) = await moderator.Get("/Entries/New?record=true");
        Assert.NotNull(form.GetElementById("Input_Origin"));
        var recorded = AppClient.RedirectedId(await moderator.PostForm("/Entries/New?record=true", "form.entry-form", Form("Constat d'audit enregistré")));
        Assert.Equal((EntryOrigin.InternalAudit, "AUD-9"), ((await EntryAsync(recorded)).Origin, (await EntryAsync(recorded)).OriginReference));

        var agent = await SignInAsync(await Given.AnAgent());
        var (_, agentForm) = await agent.Get("/Entries/New?record=true");
        Assert.Null(agentForm.GetElementById("Input_Origin"));
        var submitted = AppClient.RedirectedId(await agent.PostForm("/Entries/New?record=true", "form.entry-form", Form("Tentative d'un agent")));
        Assert.Equal((EntryOrigin.Agent, (string?)null), ((await EntryAsync(submitted)).Origin, (await EntryAsync(submitted)).OriginReference));
    }
}
