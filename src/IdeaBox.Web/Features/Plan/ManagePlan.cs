using IdeaBox.Data;
using IdeaBox.Domain;
using IdeaBox.Web.Features.Moderation;
using IdeaBox.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
        if (string.IsNullOrWhiteSpace(Title)) yield return new(nameof(Title), "Validation.Required");
        else if (Title.Trim().Length > PlanNode.TitleMaxLength) yield return new(nameof(Title), "Validation.MaxLength", PlanNode.TitleMaxLength);
        if (Description is { Length: > PlanNode.DescriptionMaxLength })
            yield return new(nameof(Description), "Validation.MaxLength", PlanNode.DescriptionMaxLength);
        if (Weight is { } w && (w <= 0 || w > 100 || double.IsNaN(w))) yield return new(nameof(Weight), "Plan.WeightRange");
        if (level != PlanLevel.Project) yield break;
        if (!Enum.IsDefined(ProjectStatus)) yield return new(nameof(ProjectStatus), "Validation.Required");
        if (Progress is < 0 or > 100) yield return new(nameof(Progress), "Plan.ProgressRange");
        if (StartDate is { } start && DueDate is { } due && due < start) yield return new(nameof(DueDate), "Plan.DueBeforeStart");
    }
}

/// <summary>A moderator creates a node under a parent (an axis has none). Returns its id.</summary>
public sealed record CreatePlanNode(PlanLevel Level, int? ParentId, PlanNodeInput Input) : ICommand<int>, IValidate
{
    public IEnumerable<FieldError> Validate() => Input.Validate(Level);
}

/// <summary>A moderator changes a node. Setting a project to Done may close the entries it carries.</summary>
public sealed record UpdatePlanNode(int Id, PlanNodeInput Input) : ICommand;

public enum MoveDirection { Up = -1, Down = 1 }

/// <summary>A moderator moves a node among its siblings; the codes follow.</summary>
public sealed record MovePlanNode(int Id, MoveDirection Direction) : ICommand;

/// <summary>A moderator deletes a node that has no children and carries no entry.</summary>
public sealed record DeletePlanNode(int Id) : ICommand;

public sealed class ManagePlanHandlers(IdeaBoxDb db, ICurrentUser user, PlanEffects effects, TimeProvider clock)
    : ICommandHandler<CreatePlanNode, int>, ICommandHandler<UpdatePlanNode>, ICommandHandler<MovePlanNode>, ICommandHandler<DeletePlanNode>
{
    public async ValueTask<int> Handle(CreatePlanNode command, CancellationToken ct)
    {
        user.MustModerate();
        if (!Enum.IsDefined(command.Level)) throw new ValidationFailedException(new FieldError("Level", "Validation.Required"));
        if (command.Level == PlanLevel.Axis)
        {
            if (command.ParentId is not null) throw new ValidationFailedException(new FieldError("ParentId", "Plan.WrongParent"));
        }
        else
        {
            var parentLevel = await db.PlanNodes.Where(n => n.Id == command.ParentId).Select(n => (PlanLevel?)n.Level).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Plan node {command.ParentId}");
            if (PlanRules.ChildLevel(parentLevel) != command.Level)
                throw new ValidationFailedException(new FieldError("ParentId", "Plan.WrongParent"));
        }
        var node = new PlanNode { Level = command.Level, ParentId = command.ParentId, Title = "" };
        await ApplyAsync(node, command.Input, ct);
        node.Position = await db.PlanNodes.Where(n => n.ParentId == command.ParentId).MaxAsync(n => (int?)n.Position, ct) + 1 ?? 1;
        db.PlanNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }

    public async ValueTask<Unit> Handle(UpdatePlanNode command, CancellationToken ct)
    {
        user.MustModerate();
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.Id, ct) ?? throw new NotFoundException($"Plan node {command.Id}");
        var errors = command.Input.Validate(node.Level).ToList();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var wasDone = node.ProjectStatus == ProjectStatus.Done;
        await ApplyAsync(node, command.Input, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (node.Level == PlanLevel.Project && node.ProjectStatus == ProjectStatus.Done && !wasDone)
            await effects.CloseFinishedEntriesAsync(node.Id, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(MovePlanNode command, CancellationToken ct)
    {
        user.MustModerate();
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

    public async ValueTask<Unit> Handle(DeletePlanNode command, CancellationToken ct)
    {
        user.MustModerate();
        var node = await db.PlanNodes.SingleOrDefaultAsync(n => n.Id == command.Id, ct) ?? throw new NotFoundException($"Plan node {command.Id}");
        if (await db.PlanNodes.AnyAsync(n => n.ParentId == node.Id, ct)) throw new ConflictException("Plan.HasChildren");
        if (await db.ProjectEntries.AnyAsync(pe => pe.ProjectId == node.Id, ct)) throw new ConflictException("Plan.CarriesEntries");
        db.PlanNodes.Remove(node);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }

    private async Task ApplyAsync(PlanNode node, PlanNodeInput input, CancellationToken ct)
    {
        var errors = input.Validate(node.Level).ToList();
        int? ownerId = null;
        if (node.Level == PlanLevel.Project)
        {
            if (!string.IsNullOrWhiteSpace(input.OwnerEmail))
            {
                var email = input.OwnerEmail.Trim().ToUpperInvariant();
                ownerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
                if (ownerId is null) errors.Add(new(nameof(input.OwnerEmail), "Plan.UnknownOwner"));
            }
            if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
                errors.Add(new(nameof(input.UnitId), "Validation.UnknownUnit"));
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        node.Title = input.Title!.Trim();
        node.Description = string.IsNullOrWhiteSpace(input.Description) ? null : TextInput.Lines(input.Description.Trim());
        node.Weight = input.Weight;
        if (node.Level != PlanLevel.Project) return;
        node.OwnerId = ownerId;
        node.UnitId = input.UnitId;
        node.ProjectStatus = input.ProjectStatus;
        node.Progress = input.ProjectStatus == ProjectStatus.Done ? 100 : input.Progress;
        node.StartDate = input.StartDate;
        node.DueDate = input.DueDate;
    }
}
