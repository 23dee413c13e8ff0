using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>Identity's refusals as the domain's validation errors: a message key per error code, next to the field that caused it.</summary>
public static class IdentityErrors
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        [nameof(IdentityErrorDescriber.PasswordTooShort)] = "Password.TooShort",
        [PasswordPolicy.TooLong] = "Password.TooLong",
        [PasswordPolicy.TooCommon] = "Password.TooCommon",
        [nameof(IdentityErrorDescriber.PasswordMismatch)] = "Password.Mismatch",
        [nameof(IdentityErrorDescriber.InvalidToken)] = "Password.InvalidLink",
        [nameof(IdentityErrorDescriber.DuplicateEmail)] = "Account.DuplicateEmail",
        [nameof(IdentityErrorDescriber.DuplicateUserName)] = "Account.DuplicateEmail",
        [nameof(IdentityErrorDescriber.InvalidEmail)] = "Account.InvalidEmail",
        [nameof(IdentityErrorDescriber.InvalidUserName)] = "Account.InvalidEmail",
        [nameof(IdentityErrorDescriber.UserAlreadyHasPassword)] = "Password.InvalidLink",
    };

    /// <summary>Throws a <see cref="ValidationFailedException"/> on <paramref name="field"/> when Identity refused.</summary>
    public static void ThrowIfFailed(this IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        var errors = result.Errors
            .Select(e => Keys.GetValueOrDefault(e.Code, "Account.Refused"))
            .Distinct()
            .Select(key => new FieldError(field, key, key == "Password.TooShort" ? [PasswordPolicy.MinLength] : key == "Password.TooLong" ? [PasswordPolicy.MaxLength] : []))
            .ToList();
        throw new ValidationFailedException(errors);
    }
}
