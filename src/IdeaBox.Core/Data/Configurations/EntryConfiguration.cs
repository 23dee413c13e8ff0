using IdeaBox.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdeaBox.Data.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> e)
    {
        e.Property(x => x.Title).HasMaxLength(EntryRules.TitleMaxLength).IsRequired();
        e.Property(x => x.Body).HasMaxLength(EntryRules.BodyMaxLength).IsRequired();
        e.Property(x => x.BodyHtml).IsRequired();
        e.Property(x => x.StatusReason).HasMaxLength(2000);
        e.Property(x => x.OriginReference).HasMaxLength(200);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Entry>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Themes).WithMany(t => t.Entries).UsingEntity("EntryThemes");

        // One index per sort of the list, so each is an indexed ORDER BY.
        e.HasIndex(x => x.TrendingScore);
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.VoteCount);
        e.HasIndex(x => x.CommentCount);
        e.HasIndex(x => new { x.AuthorId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.Kind });
        // Only merged duplicates have a target: a partial index stays tiny and the planner always picks it.
        e.HasIndex(x => x.MergedIntoId).HasFilter("MergedIntoId IS NOT NULL");
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> v)
    {
        // The key is the unique (entry, user) pair: concurrent double clicks count once.
        v.HasKey(x => new { x.EntryId, x.UserId });
        v.HasOne<Entry>().WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        v.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        v.HasIndex(x => x.UserId);
        // The dashboard's period filters and weekly series; votes per entry in a period from the index alone.
        v.HasIndex(x => x.CreatedAt);
        v.HasIndex(x => new { x.EntryId, x.CreatedAt });
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> c)
    {
        c.Property(x => x.Body).HasMaxLength(CommentRules.BodyMaxLength).IsRequired();
        c.Property(x => x.BodyHtml).IsRequired();
        c.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        c.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => new { x.EntryId, x.CreatedAt });
        c.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> u)
    {
        u.ToTable("Units");
        u.Property(x => x.Name).HasMaxLength(200).IsRequired();
        u.Property(x => x.Path).HasMaxLength(400).IsRequired();
        u.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        u.HasIndex(x => x.Path);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> t)
    {
        t.Property(x => x.Name).HasMaxLength(100).IsRequired();
        t.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> u)
    {
        u.Property(x => x.DisplayName).HasMaxLength(200).IsRequired();
        u.Property(x => x.Culture).HasMaxLength(10);
        u.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
