using System.Globalization;
using IdeaBox.Web.Features.Plan;

namespace IdeaBox.Web.Pages.Plan.Nodes;

/// <summary>The fields of the plan node form, as posted.</summary>
public sealed class PlanNodeForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Text, so that "1,5" and "1.5" both read as one and a half.</summary>
    public string? Weight { get; set; }
    public string? OwnerEmail { get; set; }
    public int? UnitId { get; set; }
    public ProjectStatus ProjectStatus { get; set; }
    public int Progress { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? DueDate { get; set; }

    public bool WeightIsValid => string.IsNullOrWhiteSpace(Weight) || ParseWeight() is not null;

    private double? ParseWeight() =>
        double.TryParse(Weight?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? w : null;

    public PlanNodeInput ToInput() =>
        new(Title, Description, ParseWeight(), OwnerEmail, UnitId, ProjectStatus, Progress, StartDate, DueDate);

    public static PlanNodeForm From(PlanItem item) => new()
    {
        Title = item.Title, Description = item.Description,
        Weight = item.Weight?.ToString(CultureInfo.CurrentCulture), OwnerEmail = item.OwnerEmail, UnitId = item.UnitId,
        ProjectStatus = item.ProjectStatus, Progress = item.Progress, StartDate = item.StartDate, DueDate = item.DueDate,
    };
}

public sealed record PlanNodeFormView(PlanNodeForm Form, PlanLevel Level, IReadOnlyList<IdeaBox.Web.Features.Entries.UnitOption> Units, string SubmitLabelKey);
