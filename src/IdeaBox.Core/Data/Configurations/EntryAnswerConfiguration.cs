using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class EntryAnswerConfiguration : IEntityTypeConfiguration<EntryAnswer>
{
    public void Configure(EntityTypeBuilder<EntryAnswer> a)
    {
        a.HasKey(x => new { x.AnswerId, x.DifficultyId });
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Entry>().WithMany().HasForeignKey(x => x.DifficultyId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => x.DifficultyId);
    }
}
