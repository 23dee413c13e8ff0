using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class ExpertRequestConfiguration : IEntityTypeConfiguration<ExpertRequest>
{
    public void Configure(EntityTypeBuilder<ExpertRequest> r)
    {
        r.Property(x => x.Question).HasMaxLength(ExpertRequest.QuestionMaxLength).IsRequired();
        r.Property(x => x.Answer).HasMaxLength(ExpertRequest.AnswerMaxLength);
        r.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Expert).WithMany().HasForeignKey(x => x.ExpertId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne(x => x.RequestedBy).WithMany().HasForeignKey(x => x.RequestedById).OnDelete(DeleteBehavior.Restrict);
        r.HasIndex(x => new { x.ExpertId, x.AnsweredAt });
        r.HasIndex(x => x.EntryId);
    }
}
