namespace IdeaBox.Web.Features.Plan;

/// <summary>A moderator changes a node. Setting a project to Done may close the entries it carries.</summary>
[Requires(Permissions.Moderate)]
public sealed record UpdatePlanNode(int Id, PlanNodeInput Input) : ICommand;

public sealed class UpdatePlanNodeHandler(IdeaBoxDb db, PlanEffects effects, TimeProvider clock) : ICommandHandler<UpdatePlanNode>
{
    public async ValueTask<Unit> Handle(UpdatePlanNode command, CancellationToken ct)
    {
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.Id, ct) ?? throw new NotFoundException($"Plan node {command.Id}");
        var wasDone = node.ProjectStatus == ProjectStatus.Done;
        await command.Input.ApplyToAsync(node, db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (node.Level == PlanLevel.Project && node.ProjectStatus == ProjectStatus.Done && !wasDone)
            await effects.CloseFinishedEntriesAsync(node.Id, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }
}
