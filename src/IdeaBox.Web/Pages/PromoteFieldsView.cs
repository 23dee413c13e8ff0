using IdeaBox.Web.Features.Moderation;

namespace IdeaBox.Web.Pages;

/// <summary>What the promotion fields partial shows: the posted values under <see cref="Prefix"/>, the plan's choices, the nodes already linked.</summary>
public sealed record PromoteFieldsView(string Prefix, int? ProjectId, int? OperationalObjectiveId, string? NewProjectTitle, PlanTargets Targets,
    IReadOnlyCollection<int> Excluded, string TitleHintKey);

/// <summary>The posted fields of a promotion form.</summary>
public sealed class PromoteInput
{
    public int? ProjectId { get; set; }
    public int? OperationalObjectiveId { get; set; }
    public string? NewProjectTitle { get; set; }
}
