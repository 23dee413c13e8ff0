using System.ComponentModel.DataAnnotations;
namespace IdeaBox.Web.Infrastructure.Email;

/// <summary>The SMTP server that sends the messages ("Email:Smtp").</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65_535)]
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool StartTls { get; set; } = true;
}
