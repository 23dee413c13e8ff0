namespace IdeaBox.Web.Features.Plan;

/// <summary>A moderator deletes a node that has no children and carries no entry.</summary>
[Requires(Permissions.Moderate)]
public sealed record DeletePlanNode(int Id) : ICommand;

public sealed class DeletePlanNodeHandler(IdeaBoxDb db) : ICommandHandler<DeletePlanNode>
{
    public async ValueTask<Unit> Handle(DeletePlanNode command, CancellationToken ct)
    {
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.Id, ct) ?? throw new NotFoundException($"Plan node {command.Id}");
        if (await db.PlanNodes.AnyAsync(n => n.ParentId == node.Id, ct)) throw new ConflictException("Plan.HasChildren");
        if (await db.ProjectEntries.AnyAsync(pe => pe.ProjectId == node.Id, ct)) throw new ConflictException("Plan.CarriesEntries");
        db.PlanNodes.Remove(node);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
