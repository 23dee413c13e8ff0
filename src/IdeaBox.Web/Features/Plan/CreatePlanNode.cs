namespace IdeaBox.Web.Features.Plan;

/// <summary>A moderator creates a node under a parent of the level above (an axis has none). Returns its id.</summary>
[Requires(Permissions.Moderate)]
public sealed record CreatePlanNode(PlanLevel Level, int? ParentId, PlanNodeInput Input) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() =>
        Enum.IsDefined(Level) ? Input.Validate(Level) : [new FieldError(nameof(Level), "Validation.Required")];
}

public sealed class CreatePlanNodeHandler(IdeaBoxDb db) : ICommandHandler<CreatePlanNode, int>
{
    public async ValueTask<int> Handle(CreatePlanNode command, CancellationToken ct)
    {
        if (command.Level == PlanLevel.Axis)
        {
            if (command.ParentId is not null) throw new ValidationFailedException("ParentId", "Plan.WrongParent");
        }
        else
        {
            var parentLevel = await db.PlanNodes.Where(n => n.Id == command.ParentId).Select(n => (PlanLevel?)n.Level).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Plan node {command.ParentId}");
            if (PlanRules.ChildLevel(parentLevel) != command.Level) throw new ValidationFailedException("ParentId", "Plan.WrongParent");
        }
        var node = new PlanNode { Level = command.Level, ParentId = command.ParentId, Title = "" };
        await command.Input.ApplyToAsync(node, db, ct);
        node.Position = await PlanLoader.NextPositionAsync(db, command.ParentId, ct);
        db.PlanNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }
}
