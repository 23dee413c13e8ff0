namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>A message to one person, written in <paramref name="Culture"/>; it goes out as plain text with an HTML alternative.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string Text, string? Culture = null);
