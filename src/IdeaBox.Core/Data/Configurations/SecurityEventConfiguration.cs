using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.Property(x => x.Email).HasMaxLength(SecurityEvent.EmailMaxLength);
        e.Property(x => x.IpAddress).HasMaxLength(SecurityEvent.AddressMaxLength);
        e.Property(x => x.Detail).HasMaxLength(SecurityEvent.DetailMaxLength);
        // No foreign keys: the log outlives deleted accounts and is purged on its own schedule.
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.UserId, x.At });
    }
}
