namespace IdeaBox.Web.Features.Plan;

/// <summary>What a moderator writes about a node of the plan; the project fields apply to projects only.</summary>
public sealed record PlanNodeInput(
    string? Title,
    string? Description,
    double? Weight,
    string? OwnerEmail = null,
    int? UnitId = null,
    ProjectStatus ProjectStatus = ProjectStatus.Planned,
    int Progress = 0,
    DateOnly? StartDate = null,
    DateOnly? DueDate = null)
{
    public IEnumerable<FieldError> Validate(PlanLevel level)
    {
        foreach (var error in FieldRules.Required(nameof(Title), Title?.Trim(), PlanNode.TitleMaxLength)) yield return error;
        foreach (var error in FieldRules.Optional(nameof(Description), Description, PlanNode.DescriptionMaxLength)) yield return error;
        if (Weight is { } w && (w <= 0 || w > 100 || double.IsNaN(w))) yield return new(nameof(Weight), "Plan.WeightRange");
        if (level != PlanLevel.Project) yield break;
        if (!Enum.IsDefined(ProjectStatus)) yield return new(nameof(ProjectStatus), "Validation.Required");
        if (Progress is < 0 or > 100) yield return new(nameof(Progress), "Plan.ProgressRange");
        if (StartDate is { } start && DueDate is { } due && due < start) yield return new(nameof(DueDate), "Plan.DueBeforeStart");
    }

    /// <summary>
    /// Checks the input and its references (the owner by e-mail, the unit) against the database,
    /// then writes it onto <paramref name="node"/>; every error is named by its field, before anything changes.
    /// </summary>
    internal async Task ApplyToAsync(PlanNode node, IdeaBoxDb db, CancellationToken ct)
    {
        var errors = Validate(node.Level).ToList();
        int? ownerId = null;
        if (node.Level == PlanLevel.Project)
        {
            if (!string.IsNullOrWhiteSpace(OwnerEmail))
            {
                var email = OwnerEmail.Trim().ToUpperInvariant();
                ownerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
                if (ownerId is null) errors.Add(new(nameof(OwnerEmail), "Plan.UnknownOwner"));
            }
            if (UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
                errors.Add(new(nameof(UnitId), "Validation.UnknownUnit"));
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        node.Title = Title!.Trim();
        node.Description = TextInput.Optional(Description);
        node.Weight = Weight;
        if (node.Level != PlanLevel.Project) return;
        node.OwnerId = ownerId;
        node.UnitId = UnitId;
        node.ProjectStatus = ProjectStatus;
        node.Progress = ProjectStatus == ProjectStatus.Done ? 100 : Progress;
        node.StartDate = StartDate;
        node.DueDate = DueDate;
    }
}
