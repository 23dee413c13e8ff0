using Microsoft.AspNetCore.Identity;

namespace IdeaBox.Domain;

/// <summary>A staff member. Belongs to exactly one organisational unit.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public required string DisplayName { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    /// <summary>The user said no to the weekly digest e-mail.</summary>
    public bool DigestOptOut { get; set; }
    /// <summary>The interface language the user chose ("fr-BE", "en-GB"); null: the default, French.</summary>
    public string? Culture { get; set; }
}
