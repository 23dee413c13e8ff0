using IdeaBox.Web.Features.Admin;

namespace IdeaBox.Web.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>A neutral fictional ministry: its name and a plain logo (initials in a square), in IdeaBox's own colour.</summary>
    private void SeedBranding(DateTime now)
    {
        const string logo = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="MAP">
              <rect width="64" height="64" rx="8" fill="#1d4f91"/><rect x="6" y="6" width="52" height="52" rx="5" fill="none" stroke="#ffffff" stroke-width="2"/>
              <text x="32" y="40" text-anchor="middle" font-family="sans-serif" font-size="20" font-weight="700" fill="#ffffff">MAP</text>
            </svg>
            """;
        var (content, type) = LogoFile.Check(System.Text.Encoding.UTF8.GetBytes(logo));
        db.Branding.Add(new Branding
        {
            OrganisationName = "Ministère de l'Action publique (démo)", Logo = content, LogoContentType = type, UpdatedAt = now,
        });
    }
}
