using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>Sends through SMTP (MailKit), or writes .eml files to the pickup folder, as configured.</summary>
public sealed class MailKitTransport(IOptions<EmailOptions> options, IHostEnvironment environment, IdeaBox.Web.Features.Admin.BrandingStore branding)
    : IMailTransport
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        // Plain text first, HTML last: clients show the last alternative they can render.
        var body = new BodyBuilder { TextBody = email.Text, HtmlBody = EmailHtml.Render(email, await branding.CurrentAsync(ct), settings.BaseUrl) };
        message.Body = body.ToMessageBody();

        switch (settings.Mode)
        {
            case EmailMode.Pickup:
                var folder = Path.Combine(environment.ContentRootPath, settings.PickupDirectory);
                Directory.CreateDirectory(folder);
                await message.WriteToAsync(Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml"), ct);
                break;
            case EmailMode.Smtp when !string.IsNullOrWhiteSpace(settings.Smtp.Host):
                using (var client = new SmtpClient())
                {
                    await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port,
                        settings.Smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
                    if (!string.IsNullOrEmpty(settings.Smtp.UserName))
                        await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", ct);
                    await client.SendAsync(message, ct);
                    await client.DisconnectAsync(true, ct);
                }
                break;
        }
    }
}
