using IdeaBox.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Infrastructure.CommandLine;

/// <summary>
/// <c>admin create --email a@b.example [--name "…"] [--unit CODE-OR-NAME] [--force]</c>: the first
/// administrator of a new installation, without touching the database by hand. It prepares the
/// database (migrations, roles), creates the account and prints a one-time link to choose its
/// password. It refuses when an administrator exists, unless forced. Any other argument
/// (<c>--Database:Provider SqlServer</c>, <c>--environment Production</c>) configures the host as usual.
/// </summary>
public sealed class AdminCommand
{
    private static readonly string[] Options = ["--email", "--name", "--unit"];

    private AdminCommand(string? email, string? name, string? unit, bool force, string[] hostArgs, string? error)
    {
        Email = email;
        Name = name;
        Unit = unit;
        Force = force;
        HostArgs = hostArgs;
        Error = error;
    }

    public string? Email { get; }
    public string? Name { get; }
    public string? Unit { get; }
    public bool Force { get; }
    /// <summary>The arguments left for the host's configuration.</summary>
    public string[] HostArgs { get; }
    public string? Error { get; }

    public const string Usage = "Usage: admin create --email <address> [--name <display name>] [--unit <unit code or name>] [--force]";

    /// <summary>The command in <paramref name="args"/>, or null when the app is to run as a web server.</summary>
    public static AdminCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "admin") return null;
        if (args.Length < 2 || args[1] != "create") return new AdminCommand(null, null, null, false, [], Usage);
        string? email = null, name = null, unit = null, error = null;
        var force = false;
        var host = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--force") force = true;
            else if (Options.Contains(arg))
            {
                if (i + 1 >= args.Length) { error = $"{arg} needs a value. {Usage}"; break; }
                var value = args[++i];
                switch (arg)
                {
                    case "--email": email = value; break;
                    case "--name": name = value; break;
                    default: unit = value; break;
                }
            }
            else host.Add(arg);
        }
        if (error is null && string.IsNullOrWhiteSpace(email)) error = $"--email is required. {Usage}";
        return new AdminCommand(email?.Trim(), name?.Trim(), unit?.Trim(), force, [.. host], error);
    }

    /// <summary>Runs the command; the exit code is 0 on success, 1 when refused, 2 for a usage error.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        if (Error is not null)
        {
            await output.WriteLineAsync(Error);
            return 2;
        }
        var invalid = AccountRules.ValidateEmail("email", Email).FirstOrDefault();
        if (invalid is not null)
        {
            await output.WriteLineAsync($"The address '{Email}' is not a valid e-mail address.");
            return 2;
        }
        await services.PrepareDatabaseAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdeaBoxDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var invitations = scope.ServiceProvider.GetRequiredService<Invitations>();

        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (administrators.Any(a => a.DeletedAt is null) && !Force)
        {
            await output.WriteLineAsync("An administrator already exists: an administrator invites the others from Administration > Users. Add --force to create one anyway.");
            return 1;
        }
        if (await users.FindByEmailAsync(Email!) is not null)
        {
            await output.WriteLineAsync($"An account with the address {Email} already exists: an administrator can give it the Administrator role.");
            return 1;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var unit = await FindOrCreateUnitAsync(db, ct);
        if (unit is null)
        {
            await output.WriteLineAsync($"No unit has the code or name '{Unit}'.");
            return 1;
        }
        var name = string.IsNullOrWhiteSpace(Name) ? Email![..Email!.IndexOf('@')] : Name;
        var user = await invitations.CreateAsync(new NewAccount(Email!, name, unit.Id, [Roles.Administrator]), actorId: null, ct);
        await transaction.CommitAsync(ct);

        await output.WriteLineAsync($"Administrator {Email} created in the unit '{unit.Name}'.");
        await output.WriteLineAsync("Open this link to choose the password (it works once, and expires):");
        await output.WriteLineAsync(await invitations.LinkAsync(user));
        return 0;
    }

    /// <summary>The unit named by --unit (code first, then name); without it, the first top unit, created when the tree is empty.</summary>
    private async Task<OrgUnit?> FindOrCreateUnitAsync(IdeaBoxDb db, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Unit))
        {
            var found = await db.Units.FirstOrDefaultAsync(u => u.Code == Unit, ct) ?? await db.Units.FirstOrDefaultAsync(u => u.Name == Unit, ct);
            if (found is not null || await db.Units.AnyAsync(ct)) return found;
        }
        else if (await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct) is { } top)
        {
            return top;
        }
        // An empty installation: the organisation itself is the first unit; the administrator builds the tree under it.
        var organisation = new OrgUnit { Name = string.IsNullOrEmpty(Unit) ? "Organisation" : Unit };
        db.Units.Add(organisation);
        await db.SaveChangesAsync(ct);
        organisation.PlaceUnder(null);
        await db.SaveChangesAsync(ct);
        return organisation;
    }
}
