namespace IdeaBox.Web.Infrastructure.Email;

public enum EmailMode
{
    /// <summary>No e-mail is sent (notifications stay in the application).</summary>
    None,
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupDirectory"/> (Development).</summary>
    Pickup,
    /// <summary>Messages go to the SMTP server of <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}
