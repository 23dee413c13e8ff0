using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>
/// The messages about an account (an invitation, a forgotten password), sent at once rather than
/// through the notification queue: the person is waiting for them. In the person's language.
/// </summary>
public sealed class AccountMailer(IMailTransport transport, IOptions<EmailOptions> options, ILogger<AccountMailer> logger)
{
    public bool IsEnabled => options.Value.Mode != EmailMode.None;

    /// <summary>A link to this application, built from Email:BaseUrl, never from the request.</summary>
    public string Link(string pathAndQuery) => options.Value.BaseUrl.TrimEnd('/') + pathAndQuery;

    public Task<bool> SendInvitationAsync(AppUser user, string link, int days, CancellationToken ct) =>
        SendAsync(user, l => (l["Email.Invitation.Subject"], new StringBuilder()
            .AppendLine(l["Email.Invitation.Body"]).AppendLine()
            .AppendLine(link).AppendLine()
            .AppendLine(l.Plural("Email.Invitation.Expiry", days)).ToString()), ct);

    public Task<bool> SendPasswordResetAsync(AppUser user, string link, int hours, CancellationToken ct) =>
        SendAsync(user, l => (l["Email.Reset.Subject"], new StringBuilder()
            .AppendLine(l["Email.Reset.Body"]).AppendLine()
            .AppendLine(link).AppendLine()
            .AppendLine(l.Plural("Email.Reset.Expiry", hours)).AppendLine()
            .AppendLine(l["Email.Reset.NotYou"]).ToString()), ct);

    private async Task<bool> SendAsync(AppUser user, Func<IStringLocalizer, (string Subject, string Body)> compose, CancellationToken ct)
    {
        if (!IsEnabled || string.IsNullOrEmpty(user.Email)) return false;
        var email = Cultures.Run(user.Culture ?? options.Value.Culture, () =>
        {
            var l = Localization.Strings;
            var (subject, body) = compose(l);
            var text = new StringBuilder().AppendLine(l["Email.Greeting", user.DisplayName]).AppendLine().Append(body).ToString();
            return new OutgoingEmail(user.Email, user.DisplayName, l["Email.Subject", subject], text, user.Culture ?? options.Value.Culture);
        });
        try
        {
            await transport.SendAsync(email, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The account e-mail to user {Id} could not be sent.", user.Id);
            return false;
        }
    }
}
