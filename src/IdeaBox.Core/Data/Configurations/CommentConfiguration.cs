using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> c)
    {
        c.Property(x => x.Body).HasMaxLength(CommentRules.BodyMaxLength).IsRequired();
        c.Property(x => x.BodyHtml).IsRequired();
        c.Property(x => x.HiddenReason).HasMaxLength(Transitions.ReasonMaxLength);
        c.HasOne<AppUser>().WithMany().HasForeignKey(x => x.HiddenById).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.EntryId, x.CreatedAt });
        c.HasIndex(x => x.CreatedAt);
    }
}
