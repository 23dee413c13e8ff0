namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>Where messages go: SMTP, a pickup folder, or nowhere.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}
