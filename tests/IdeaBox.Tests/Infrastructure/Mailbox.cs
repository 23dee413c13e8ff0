using MimeKit;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>The e-mails the app wrote to its pickup folder, read back as messages.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> Read(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order().Select(path => MimeMessage.Load(path)).ToList()
            : [];

    public static string To(this MimeMessage message) => message.To.Mailboxes.Single().Address;
}
