using System.ComponentModel.DataAnnotations;
namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>The "Email" section of the configuration.</summary>
public sealed class EmailOptions
{
    public EmailMode Mode { get; set; } = EmailMode.None;
    public string From { get; set; } = "IdeaBox <ideabox@ideabox.example>";
    public string PickupDirectory { get; set; } = "App_Data/mail";
    /// <summary>The address of the application, for the links in the messages.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>The language of the messages to users who never chose one.</summary>
    public string Culture { get; set; } = Cultures.Default;
    /// <summary>Whether the application sends by itself in the background (tests call the senders directly).</summary>
    public bool Background { get; set; } = true;
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 30;
    /// <summary>From which hour (Brussels time) the day's summaries go out.</summary>
    [Range(0, 23)]
    public int DailySummaryHour { get; set; } = 7;
    public SmtpOptions Smtp { get; set; } = new();
}
