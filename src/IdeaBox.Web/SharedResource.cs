namespace IdeaBox.Web;

/// <summary>Marker for the one resource set of the interface: Resources/SharedResource(.en).resx.</summary>
public sealed class SharedResource;
