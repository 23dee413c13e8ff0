namespace IdeaBox.Web.Features.Plan;

public enum MoveDirection { Up = -1, Down = 1 }

/// <summary>A moderator moves a node among its siblings; the codes follow.</summary>
[Requires(Permissions.Moderate)]
public sealed record MovePlanNode(int Id, MoveDirection Direction) : ICommand;

public sealed class MovePlanNodeHandler(IdeaBoxDb db) : ICommandHandler<MovePlanNode>
{
    public async ValueTask<Unit> Handle(MovePlanNode command, CancellationToken ct)
    {
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.Id, ct) ?? throw new NotFoundException($"Plan node {command.Id}");
        var siblings = await db.PlanNodes.Where(n => n.ParentId == node.ParentId).OrderBy(n => n.Position).ThenBy(n => n.Id).ToListAsync(ct);
        var index = siblings.IndexOf(node);
        var other = index + (int)command.Direction;
        if (other < 0 || other >= siblings.Count) return Unit.Value;
        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        // Positions are renumbered 1..n, so the codes computed from them stay dense.
        for (var i = 0; i < siblings.Count; i++) siblings[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
