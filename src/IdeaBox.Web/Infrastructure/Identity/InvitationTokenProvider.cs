using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdeaBox.Web.Infrastructure.Identity;

/// <summary>How long an invitation link lives (Accounts:InvitationDays), apart from a forgotten password's link.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>
/// The token of an invitation to choose a password: Identity's data-protected token, bound to the
/// security stamp, so it works once (setting the password changes the stamp) and expires.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "SetPassword";
}
