using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class MailRetryConfiguration : IEntityTypeConfiguration<MailRetry>
{
    public void Configure(EntityTypeBuilder<MailRetry> b)
    {
        b.Property(x => x.ToAddress).HasMaxLength(MailRetry.AddressMaxLength);
        b.Property(x => x.ToName).HasMaxLength(MailRetry.AddressMaxLength);
        b.Property(x => x.Subject).HasMaxLength(MailRetry.SubjectMaxLength);
        b.Property(x => x.Culture).HasMaxLength(16);
        b.Property(x => x.LastError).HasMaxLength(MailRetry.ErrorMaxLength);
        b.HasIndex(x => x.NextAttemptAt);
    }
}
