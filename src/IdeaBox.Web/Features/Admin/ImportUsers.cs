using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using IdeaBox.Web.Features.Accounts;
using IdeaBox.Web.Features.Jobs;
using IdeaBox.Web.Infrastructure.Search;

namespace IdeaBox.Web.Features.Admin;

/// <summary>
/// An administrator creates accounts from an HR file: CSV, UTF-8, ";" or ",", a header line, the
/// columns e-mail, name, unit (its code, or its name) and roles ("Modérateur|Expert"; empty: agent).
/// <see cref="Commit"/> false only previews; when any line is wrong nothing is created and every
/// line's errors are shown. Invitations go out after the accounts exist, when asked.
/// </summary>
[Requires(Permissions.Administer)]
public sealed record ImportUsers(string? Csv, bool Commit, bool SendInvitations) : ICommand<UserImportResult>
{
    public const int MaxLines = 1000;
    public const int MaxCharacters = 1_000_000;
}

public sealed record UserImportLine(int Line, string Email, string Name, string Unit, IReadOnlyList<string> Roles, IReadOnlyList<FieldError> Errors);

public sealed record UserImportResult(IReadOnlyList<UserImportLine> Lines, IReadOnlyList<FieldError> FileErrors, int Imported, int Invited)
{
    public bool IsValid => FileErrors.Count == 0 && Lines.Count > 0 && Lines.All(l => l.Errors.Count == 0);
}

public sealed class ImportUsersHandler(IdeaBoxDb db, Invitations invitations, ICurrentUser user, JobProgress progress) : ICommandHandler<ImportUsers, UserImportResult>
{
    private static readonly Dictionary<string, string[]> Columns = new()
    {
        ["email"] = ["e-mail", "email", "courriel", "adresse e-mail", "adresse"],
        ["name"] = ["nom", "name", "nom complet", "display name"],
        ["unit"] = ["unité", "unite", "unit", "code unité", "unit code", "service"],
        ["roles"] = ["rôles", "roles", "rôle", "role"],
    };

    private static readonly Dictionary<string, string> RoleNames = new()
    {
        ["agent"] = Roles.Agent, ["expert"] = Roles.Expert, ["experte"] = Roles.Expert,
        ["moderateur"] = Roles.Moderator, ["moderatrice"] = Roles.Moderator, ["moderator"] = Roles.Moderator,
        ["direction"] = Roles.Leadership, ["leadership"] = Roles.Leadership,
        ["administrateur"] = Roles.Administrator, ["administratrice"] = Roles.Administrator, ["administrator"] = Roles.Administrator,
    };

    public async ValueTask<UserImportResult> Handle(ImportUsers command, CancellationToken ct)
    {
        var csv = command.Csv ?? "";
        if (string.IsNullOrWhiteSpace(csv)) return Fail("Import.Empty");
        if (csv.Length > ImportUsers.MaxCharacters) return Fail("Import.TooLarge", ImportUsers.MaxCharacters / 1_000_000);

        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var unitByCode = units.Where(u => u.Code != null).ToDictionary(u => Fold(u.Code!), u => u.Id);
        var unitByName = units.GroupBy(u => Fold(u.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var existing = (await db.Users.AsNoTracking().Select(u => u.NormalizedEmail).ToListAsync(ct)).OfType<string>().ToHashSet();

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true, DetectDelimiterValues = [";", ","], MissingFieldFound = null, BadDataFound = null, TrimOptions = TrimOptions.Trim,
        };
        using var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), config);
        if (!await reader.ReadAsync() || !reader.ReadHeader()) return Fail("Import.Empty");
        var header = reader.HeaderRecord!.Select(Fold).ToList();
        var index = Columns.ToDictionary(c => c.Key, c => c.Value.Select(Fold).Select(h => header.IndexOf(h)).FirstOrDefault(i => i >= 0, -1));
        var missing = new[] { "email", "name", "unit" }.Where(c => index[c] < 0).ToList();
        if (missing.Count > 0) return Fail("Import.MissingColumns", string.Join(", ", missing.Select(c => Columns[c][0])));

        var lines = new List<UserImportLine>();
        var accounts = new List<NewAccount>();
        var seen = new HashSet<string>();
        while (await reader.ReadAsync())
        {
            if (lines.Count >= ImportUsers.MaxLines) return Fail("Import.TooManyLines", ImportUsers.MaxLines);
            string Field(string column) => index[column] >= 0 ? reader.GetField(index[column]) ?? "" : "";
            var email = Field("email");
            var name = Field("name");
            var unit = Field("unit");
            var roleNames = Field("roles").Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var roles = roleNames.Select(r => RoleNames.GetValueOrDefault(Fold(r))).ToList();
            var errors = AccountRules.Validate(email, name, unit.Length == 0 ? null : 0, roles.OfType<string>()).Where(e => e.Field != "UnitId").ToList();
            if (roles.Any(r => r is null)) errors.Add(new("Roles", "Admin.UnknownRole"));
            var normalized = email.Trim().ToUpperInvariant();
            if (errors.All(e => e.Field != "Email") && (existing.Contains(normalized) || !seen.Add(normalized)))
                errors.Add(new("Email", "Account.DuplicateEmail"));
            int unitId = 0;
            if (unit.Length == 0) errors.Add(new("Unit", "Validation.Required"));
            else if (!unitByCode.TryGetValue(Fold(unit), out unitId) && !unitByName.TryGetValue(Fold(unit), out unitId)) errors.Add(new("Unit", "Validation.UnknownUnit"));
            var held = roles.OfType<string>().Distinct().ToList();
            lines.Add(new UserImportLine(reader.Parser.RawRow, email, name, unit, held, errors));
            if (errors.Count == 0) accounts.Add(new NewAccount(email, name, unitId, held));
        }

        var result = new UserImportResult(lines, lines.Count == 0 ? [new FieldError("Csv", "Import.Empty")] : [], 0, 0);
        if (!command.Commit || !result.IsValid) return result;

        var created = new List<AppUser>();
        await progress.ReportAsync("Job.Step.Accounts", 0, accounts.Count, ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var account in accounts) created.Add(await invitations.CreateAsync(account, user.Id, ct));
            await transaction.CommitAsync(ct);
        }
        var invited = 0;
        if (command.SendInvitations)
        {
            foreach (var (account, sent) in created.Select((a, i) => (a, i)))
            {
                await progress.ReportAsync("Job.Step.Invitations", sent, created.Count, ct);
                if (await invitations.SendAsync(account, user.Id, ct)) invited++;
            }
        }
        return result with { Imported = created.Count, Invited = invited };
    }

    private static UserImportResult Fail(string key, params object[] args) => new([], [new FieldError("Csv", key, args)], 0, 0);

    private static string Fold(string value) => SearchText.Fold(value);
}
