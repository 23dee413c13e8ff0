using System.Security.Cryptography.X509Certificates;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Settings that cannot be left as shipped in production: placeholder addresses, a public address on
/// localhost, an SMTP server missing while e-mail is on, a data-protection certificate that is named but
/// absent. In Production the app refuses to start with one line per problem, naming the setting and what
/// to put there; <c>--check-config</c> runs the same check and exits (0 when fine), for deployment pipelines.
/// </summary>
public static class ConfigCheck
{
    public const string Argument = "--check-config";

    public static IReadOnlyList<string> Problems(IConfiguration config)
    {
        var problems = new List<string>();
        var emailMode = config["Email:Mode"] ?? "Smtp";
        var emailOn = !emailMode.Equals("None", StringComparison.OrdinalIgnoreCase);
        if (emailOn)
        {
            var baseUrl = config["Email:BaseUrl"];
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                problems.Add($"Email:BaseUrl is '{baseUrl}': set the address users open IdeaBox at, e.g. https://ideabox.your-administration.be (links in e-mails use it).");
            else if (url.IsLoopback || IsPlaceholder(url.Host))
                problems.Add($"Email:BaseUrl is '{baseUrl}', which users cannot reach: set the public address, e.g. https://ideabox.your-administration.be.");
            if (IsPlaceholder(config["Email:From"]))
                problems.Add($"Email:From is '{config["Email:From"]}', a placeholder: set the sender, e.g. \"IdeaBox <ideabox@your-administration.be>\".");
            if (emailMode.Equals("Smtp", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(config["Email:Smtp:Host"]))
                problems.Add("Email:Smtp:Host is empty while Email:Mode is Smtp: set your SMTP relay's host name, or Email:Mode=None to send no e-mail.");
            else if (emailMode.Equals("Smtp", StringComparison.OrdinalIgnoreCase) && IsPlaceholder(config["Email:Smtp:Host"]))
                problems.Add($"Email:Smtp:Host is '{config["Email:Smtp:Host"]}', a placeholder: set your SMTP relay's host name.");
        }
        if (IsPlaceholder(config["Organisation:AccessibilityContact"]))
            problems.Add($"Organisation:AccessibilityContact is '{config["Organisation:AccessibilityContact"]}', a placeholder: set the address that answers accessibility requests.");
        if (config["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
        {
            if (!File.Exists(certificate))
                problems.Add($"DataProtection:CertificatePath is '{certificate}', which does not exist: mount the PFX there or correct the path.");
            else
            {
                try
                {
                    using var _ = X509CertificateLoader.LoadPkcs12FromFile(certificate, config["DataProtection:CertificatePassword"]);
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    problems.Add($"DataProtection:CertificatePath is '{certificate}', which cannot be opened with DataProtection:CertificatePassword: check the password.");
                }
            }
        }
        var provider = config["Database:Provider"] ?? "Sqlite";
        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(config.GetConnectionString("IdeaBox")))
            problems.Add("ConnectionStrings:IdeaBox is empty while Database:Provider is SqlServer: set the connection string of the app's login.");
        else if (!provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase) && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            problems.Add($"Database:Provider is '{provider}': use Sqlite or SqlServer.");
        return problems;
    }

    /// <summary>The documentation domains (RFC 2606) the shipped settings use: example, example.org, *.example…</summary>
    private static bool IsPlaceholder(string? value) =>
        value is not null && System.Text.RegularExpressions.Regex.IsMatch(value, @"(^|[@.\s<])(example\.(com|org|net)|[\w-]+\.example|example)(>|\s|$)",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Prints the problems (or that there are none); the process's exit code.</summary>
    public static int Report(IReadOnlyList<string> problems, TextWriter output)
    {
        if (problems.Count == 0)
        {
            output.WriteLine("IdeaBox configuration: no problem found.");
            return 0;
        }
        foreach (var problem in problems) output.WriteLine("IdeaBox configuration: " + problem);
        return 1;
    }
}
