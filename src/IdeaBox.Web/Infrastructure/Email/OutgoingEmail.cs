namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>A plain-text message to one person.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string Text);
