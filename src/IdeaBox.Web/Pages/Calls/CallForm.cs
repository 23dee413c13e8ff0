using IdeaBox.Web.Features.Calls;

namespace IdeaBox.Web.Pages.Calls;

/// <summary>The fields of the form that opens or changes a call, as posted.</summary>
public sealed class CallForm
{
    public string? Question { get; set; }
    public string? Description { get; set; }
    /// <summary>Empty unless posted (every box unticked is an error, not "all"); the new call's form ticks them all.</summary>
    public List<EntryKind> Kinds { get; set; } = [];
    public List<int> ThemeIds { get; set; } = [];
    public List<int> UnitIds { get; set; } = [];
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }

    public CallInput ToInput() => new(Question, Description, Kinds, ThemeIds, UnitIds, OpensOn, ClosesOn);
}
