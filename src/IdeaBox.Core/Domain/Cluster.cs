namespace IdeaBox.Domain;

/// <summary>
/// Related entries that are not duplicates, grouped by a moderator under a name (the slides' "relever les
/// transversalités"): each entry keeps its own votes and discussion, the cluster shows their combined support
/// and can be put into the plan in one step. An entry belongs to one cluster at most.
/// </summary>
public sealed class Cluster
{
    public const int NameMaxLength = 150;
    public const int SummaryMaxLength = 1000;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Summary { get; set; }
    public int CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static IEnumerable<FieldError> Validate(string? name, string? summary) =>
        FieldRules.Required("Name", name, NameMaxLength).Concat(FieldRules.Optional("Summary", summary, SummaryMaxLength));

    /// <summary>Entries that can join a cluster: neither hidden (a cluster is shown to everyone) nor merged (their duplicate is what counts).</summary>
    public static bool CanJoin(EntryStatus status) => status is not (EntryStatus.Hidden or EntryStatus.Merged);
}
