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

/// <summary>
/// A node of the organisation tree (general administration → directorate → service).
/// <see cref="Path"/> is the materialised path of ids ("/1/4/9/") so that a filter on a unit
/// can include every unit below it with one indexed prefix match.
/// </summary>
public sealed class OrgUnit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public string Path { get; set; } = "/";
    public int Depth { get; set; }
}

public sealed class Theme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public List<Entry> Entries { get; set; } = [];
}

/// <summary>An idea, a difficulty or an initiative. Counts and the trending score are stored, never aggregated per request.</summary>
public sealed class Entry
{
    public int Id { get; set; }
    public EntryKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>The sanitised HTML of <see cref="Body"/>, rendered once when the entry is written.</summary>
    public required string BodyHtml { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public int AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public bool HideAuthorName { get; set; }
    public EntryOrigin Origin { get; set; }
    public string? OriginReference { get; set; }
    public EntryStatus Status { get; set; }
    public string? StatusReason { get; set; }
    /// <summary>While hidden: the status to restore when the entry is shown again.</summary>
    public EntryStatus? StatusBeforeHidden { get; set; }
    /// <summary>When a moderator first took the entry under review (the dashboard's time to first review).</summary>
    public DateTime? ReviewedAt { get; set; }
    public int? MergedIntoId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int VoteCount { get; set; }
    public int CommentCount { get; set; }
    public double TrendingScore { get; set; } = Trending.NoVotes;
    public List<Theme> Themes { get; set; } = [];
}

/// <summary>One user's support for one entry; the key (entry, user) makes a second vote impossible.</summary>
public sealed class Vote
{
    public int EntryId { get; set; }
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A comment, or a reply to a top-level comment (one level of replies only).</summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public Entry? Entry { get; set; }
    public int AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    public required string Body { get; set; }
    public required string BodyHtml { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }
}
