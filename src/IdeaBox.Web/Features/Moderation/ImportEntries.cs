using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using IdeaBox.Web.Features.Jobs;
using IdeaBox.Web.Infrastructure.Search;

namespace IdeaBox.Web.Features.Moderation;

/// <summary>
/// A moderator imports entries from another source (a SWOT analysis, an audit…) as CSV: UTF-8,
/// separated by ";" or ",", with a header line. <see cref="Commit"/> false only previews. When any
/// line is invalid nothing is imported, and every line's errors are returned.
/// </summary>
[Requires(Permissions.Moderate)]
public sealed record ImportEntries(string? Csv, bool Commit) : ICommand<ImportResult>
{
    public const int MaxLines = 1000;
    public const int MaxCharacters = 2_000_000;
}

public sealed record ImportLine(int Line, EntryKind? Kind, string Title, string Themes, string Unit, EntryOrigin? Origin,
    string? Reference, IReadOnlyList<FieldError> Errors);

public sealed record ImportResult(IReadOnlyList<ImportLine> Lines, IReadOnlyList<FieldError> FileErrors, int Imported)
{
    public bool IsValid => FileErrors.Count == 0 && Lines.Count > 0 && Lines.All(l => l.Errors.Count == 0);
}

public sealed class ImportEntriesHandler(IdeaBoxDb db, ICurrentUser user, MarkdownRenderer markdown, TimeProvider clock, JobProgress progress)
    : ICommandHandler<ImportEntries, ImportResult>
{
    /// <summary>The columns, each known by its French or English header.</summary>
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["kind"] = ["type", "kind"],
        ["title"] = ["titre", "title"],
        ["body"] = ["description", "body"],
        ["themes"] = ["thèmes", "themes", "theme", "thème"],
        ["unit"] = ["service", "unit"],
        ["origin"] = ["origine", "origin", "source"],
        ["reference"] = ["référence", "reference"],
    };

    public async ValueTask<ImportResult> Handle(ImportEntries command, CancellationToken ct)
    {
        var csv = command.Csv ?? "";
        if (string.IsNullOrWhiteSpace(csv)) return Fail("Import.Empty");
        if (csv.Length > ImportEntries.MaxCharacters) return Fail("Import.TooLarge", ImportEntries.MaxCharacters / 1_000_000);

        var themes = await db.Themes.AsNoTracking().ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var themeByName = themes.ToDictionary(t => Fold(t.Name), t => t);
        var unitByName = units.GroupBy(u => Fold(u.Name)).ToDictionary(g => g.Key, g => g.First().Id);

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ","],
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => Fold(args.Header),
        };
        using var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), config);
        if (!await reader.ReadAsync() || !reader.ReadHeader()) return Fail("Import.Empty");
        var header = reader.HeaderRecord!.Select(Fold).ToList();
        var index = Columns.ToDictionary(c => c.Key, c => c.Value.Select(Fold).Select(h => header.IndexOf(h)).FirstOrDefault(i => i >= 0, -1));
        var missing = new[] { "kind", "title", "body", "themes", "origin" }.Where(c => index[c] < 0).ToList();
        if (missing.Count > 0) return Fail("Import.MissingColumns", string.Join(", ", missing.Select(c => Columns[c][0])));

        var lines = new List<ImportLine>();
        var entries = new List<Entry>();
        var now = clock.GetUtcNow().UtcDateTime;
        var myUnit = await db.Users.Where(u => u.Id == user.Id).Select(u => u.UnitId).SingleAsync(ct);
        while (await reader.ReadAsync())
        {
            if (lines.Count >= ImportEntries.MaxLines) return Fail("Import.TooManyLines", ImportEntries.MaxLines);
            string Field(string column) => index[column] >= 0 ? reader.GetField(index[column]) ?? "" : "";
            var line = reader.Parser.RawRow;
            var errors = new List<FieldError>();

            var kind = ParseKind(Field("kind"));
            if (kind is null) errors.Add(new("Kind", "Validation.UnknownKind"));
            var title = Field("title");
            var body = Field("body");
            var themeNames = Field("themes").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var lineThemes = themeNames.Select(n => themeByName.GetValueOrDefault(Fold(n))).ToList();
            var themeIds = lineThemes.Where(t => t is not null).Select(t => t!.Id).Distinct().ToList();
            errors.AddRange(EntryRules.Validate(title, body, Enumerable.Range(0, themeNames.Length).ToList()));
            if (lineThemes.Any(t => t is null)) errors.Add(new("Themes", "Validation.UnknownTheme"));
            int unitId = myUnit;
            var unitName = Field("unit");
            if (unitName.Length > 0 && !unitByName.TryGetValue(Fold(unitName), out unitId)) errors.Add(new("Unit", "Validation.UnknownUnit"));
            var origin = ParseOrigin(Field("origin"));
            if (origin is null) errors.Add(new("Origin", "Import.UnknownOrigin"));
            var reference = Field("reference");
            if (reference.Length > Entry.OriginReferenceMaxLength) errors.Add(new("Reference", "Validation.MaxLength", Entry.OriginReferenceMaxLength));
            var html = body.Length is > 0 and <= EntryRules.BodyMaxLength ? markdown.TryRender(body) : "";
            if (html is null) errors.Add(new("Body", "Validation.TooDeeplyNested", MarkdownRenderer.MaximumNestingDepth));

            lines.Add(new ImportLine(line, kind, title, string.Join(", ", themeNames), unitName, origin,
                reference.Length == 0 ? null : reference, errors));
            if (errors.Count == 0)
            {
                entries.Add(Entry.Submit(user.Id, kind!.Value, title.Trim(), body, html!, unitId, themes.Where(t => themeIds.Contains(t.Id)),
                    hideAuthorName: false, origin!.Value, reference, now));
            }
        }

        var result = new ImportResult(lines, lines.Count == 0 ? [new FieldError("Csv", "Import.Empty")] : [], 0);
        if (!command.Commit || !result.IsValid) return result;

        await progress.ReportAsync("Job.Step.Entries", 0, entries.Count, ct);
        // Attach the loaded themes to this context without reloading them.
        foreach (var theme in entries.SelectMany(e => e.Themes).Distinct()) db.Attach(theme);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Entries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        foreach (var entry in entries)
        {
            db.Follows.Add(new Follow { EntryId = entry.Id, UserId = user.Id, CreatedAt = now });
            db.AuditEvents.Add(AuditEvent.FromSource(entry, user.Id, now, imported: true));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result with { Imported = entries.Count };
    }

    private static ImportResult Fail(string key, params object[] args) => new([], [new FieldError("Csv", key, args)], 0);

    private static string Fold(string value) => SearchText.Fold(value);

    private static EntryKind? ParseKind(string value) => Fold(value) switch
    {
        "idee" or "idea" => EntryKind.Idea,
        "difficulte" or "difficulty" => EntryKind.Difficulty,
        "initiative" => EntryKind.Initiative,
        _ => null,
    };

    private static readonly Dictionary<string, EntryOrigin> OriginNames = new()
    {
        ["swot"] = EntryOrigin.SwotAnalysis, ["analyse swot"] = EntryOrigin.SwotAnalysis, ["swotanalysis"] = EntryOrigin.SwotAnalysis, ["swot analysis"] = EntryOrigin.SwotAnalysis,
        ["audit"] = EntryOrigin.InternalAudit, ["audit interne"] = EntryOrigin.InternalAudit, ["internalaudit"] = EntryOrigin.InternalAudit, ["internal audit"] = EntryOrigin.InternalAudit,
        ["caf"] = EntryOrigin.CafSelfAssessment, ["autoevaluation caf"] = EntryOrigin.CafSelfAssessment, ["cafselfassessment"] = EntryOrigin.CafSelfAssessment, ["caf self-assessment"] = EntryOrigin.CafSelfAssessment,
        ["rencontre partenaire"] = EntryOrigin.PartnerMeeting, ["rencontre avec un partenaire"] = EntryOrigin.PartnerMeeting, ["partnermeeting"] = EntryOrigin.PartnerMeeting, ["partner meeting"] = EntryOrigin.PartnerMeeting,
        ["note d'information"] = EntryOrigin.ServiceInformationNote, ["note d'information de service"] = EntryOrigin.ServiceInformationNote,
        ["serviceinformationnote"] = EntryOrigin.ServiceInformationNote, ["service information note"] = EntryOrigin.ServiceInformationNote,
    };

    private static EntryOrigin? ParseOrigin(string value) =>
        OriginNames.TryGetValue(Fold(value).Replace('’', '\''), out var origin) ? origin : null;
}
