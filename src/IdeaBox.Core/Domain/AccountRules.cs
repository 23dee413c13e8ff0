using System.Net.Mail;

namespace IdeaBox.Domain;

/// <summary>What an account needs: an address that can receive mail, a name, one unit, known roles.</summary>
public static class AccountRules
{
    public const int EmailMaxLength = 256;

    public static IEnumerable<FieldError> Validate(string? email, string? name, int? unitId, IEnumerable<string> roles)
    {
        foreach (var error in ValidateEmail("Email", email)) yield return error;
        foreach (var error in FieldRules.Required("Name", name?.Trim(), AppUser.DisplayNameMaxLength)) yield return error;
        if (unitId is null) yield return new("UnitId", "Validation.Required");
        if (roles.Any(r => !Roles.ByPrecedence.Contains(r))) yield return new("Roles", "Admin.UnknownRole");
    }

    public static IEnumerable<FieldError> ValidateEmail(string field, string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value)) yield return new(field, "Validation.Required");
        else if (value.Length > EmailMaxLength) yield return new(field, "Validation.MaxLength", EmailMaxLength);
        else if (!IsEmail(value)) yield return new(field, "Account.InvalidEmail");
    }

    /// <summary>One address, nothing around it ("Name &lt;a@b&gt;" and lists are refused), with a dot in its domain.</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.') && !value.Any(char.IsWhiteSpace);
}
