using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class BrandingConfiguration : IEntityTypeConfiguration<Branding>
{
    public void Configure(EntityTypeBuilder<Branding> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.OrganisationName).HasMaxLength(Branding.NameMaxLength);
        b.Property(x => x.PrimaryColour).HasMaxLength(7);
        b.Property(x => x.LogoContentType).HasMaxLength(40);
        b.Property(x => x.FooterLinks).HasMaxLength(Branding.FooterMaxLength);
    }
}
