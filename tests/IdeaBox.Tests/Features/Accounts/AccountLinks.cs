using System.Text.RegularExpressions;
using MimeKit;

namespace IdeaBox.Tests.Features.Accounts;

/// <summary>The links an account e-mail or the first administrator's command carries, as paths a test client can open.</summary>
public static partial class AccountLinks
{
    public static string SetPasswordPath(string text) =>
        SetPassword().Match(text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No set-password link in: " + text);

    public static string SetPasswordPath(MimeMessage message) => SetPasswordPath(message.TextBody ?? "");

    [GeneratedRegex(@"https?://[^/\s]+(/Account/SetPassword\?\S+)")]
    private static partial Regex SetPassword();

    /// <summary>Chooses <paramref name="password"/> through the link's form.</summary>
    public static Task<HttpResponseMessage> ChoosePassword(this AppClient client, string path, string password, string? confirm = null) =>
        client.PostForm(path, "form:not(.language):not([action*=Logout])",
            new() { ["Input.Password"] = password, ["Input.Confirm"] = confirm ?? password });

    /// <summary>Posts a password to a link whose page shows no form (used, expired or forged), as a script would.</summary>
    public static Task<HttpResponseMessage> ForcePassword(this AppClient client, string path, string password) =>
        client.PostWithToken("/Account/Login", "form:not(.language)", path, [new("Input.Password", password), new("Input.Confirm", password)]);

    public static Task<HttpResponseMessage> SignIn(this AppClient client, string email, string password) =>
        client.PostForm("/Account/Login", "form:not(.language)", new() { ["Input.Email"] = email, ["Input.Password"] = password });
}
