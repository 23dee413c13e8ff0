namespace IdeaBox.Domain;

/// <summary>The four levels of the strategic plan, from the top.</summary>
public enum PlanLevel
{
    Axis = 1,
    StrategicObjective = 2,
    OperationalObjective = 3,
    Project = 4,
}
