using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> t)
    {
        t.Property(x => x.Name).HasMaxLength(Theme.NameMaxLength).IsRequired();
        t.HasIndex(x => x.Name).IsUnique();
    }
}
