namespace IdeaBox.Web.Pages.Account;

/// <summary>A new password typed twice (without JavaScript to show it, the second typing catches a slip).</summary>
public sealed class NewPasswordInput
{
    public string? Password { get; set; }
    public string? Confirm { get; set; }

    /// <summary>Throws when a field is empty or the two differ; the policy itself is Identity's (<see cref="PasswordPolicy"/>).</summary>
    public void Check()
    {
        if (string.IsNullOrEmpty(Password)) throw new ValidationFailedException(nameof(Password), "Validation.Required");
        if (Password != Confirm) throw new ValidationFailedException(nameof(Confirm), "Password.ConfirmMismatch");
    }
}
