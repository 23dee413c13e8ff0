using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>
/// The password rules ASVS asks for: long enough (Identity's own length check, 12), not longer than
/// <see cref="MaxLength"/>, no composition rules, and not a common password (see CommonPasswords.NOTICE.md).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    public const string TooLong = "PasswordTooLong";
    public const string TooCommon = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaxLength) return Failed(TooLong);
        return Task.FromResult(IsCommon(password, user) ? IdentityResult.Failed(new IdentityError { Code = TooCommon }) : IdentityResult.Success);

        static Task<IdentityResult> Failed(string code) => Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code }));
    }

    /// <summary>In the list, or a listed word, the application's or the person's name dressed up with digits and symbols at its ends.</summary>
    public static bool IsCommon(string password, AppUser? user = null)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower)) return true;
        var core = lower.Trim(lower.Where(c => !char.IsLetter(c)).Distinct().ToArray());
        if (core.Length == 0 || Common.Value.Contains(core) || core is "ideabox" or "idea box" or "motdepasse" or "mot de passe") return true;
        var localPart = user?.Email?.Split('@')[0].ToLowerInvariant();
        return core == localPart || (user?.DisplayName is { Length: > 0 } name && core == name.ToLowerInvariant());
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("IdeaBox.Web.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
