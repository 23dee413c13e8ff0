using IdeaBox.Web.Features.Entries;

namespace IdeaBox.Web.Pages.Entries;

/// <summary>The fields of the submit and edit forms, as posted.</summary>
public sealed class EntryForm
{
    /// <summary>A string, so that an unknown kind reaches the validator and gets its own message.</summary>
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Body { get; set; }
    public List<int> ThemeIds { get; set; } = [];
    public int? UnitId { get; set; }
    public bool HideAuthorName { get; set; }
    /// <summary>Moderators recording an entry from another source.</summary>
    public EntryOrigin Origin { get; set; }
    public string? OriginReference { get; set; }
    /// <summary>The call for contributions the entry answers, if any.</summary>
    public int? CallId { get; set; }
    /// <summary>The author has seen the similar entries (live with JavaScript, or on the confirmation step without).</summary>
    public bool SimilarChecked { get; set; }

    public EntryInput ToInput() => new(
        Enum.TryParse<EntryKind>(Kind, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _) ? kind : null,
        Title, Body, ThemeIds, UnitId, HideAuthorName, CallId);

    public static EntryForm From(EntryInput input) => new()
    {
        Kind = input.Kind?.ToString(),
        Title = input.Title,
        Body = input.Body,
        ThemeIds = [.. input.ThemeIds],
        UnitId = input.UnitId,
        HideAuthorName = input.HideAuthorName,
    };
}

/// <summary>What the shared form partial needs: the values and the choices.</summary>
public sealed record EntryFormView(EntryForm Form, EntryFormOptions Options, string SubmitLabelKey, bool ShowOrigin = false,
    bool SuggestSimilar = false, IReadOnlyList<IdeaBox.Web.Features.Search.SimilarEntry>? Similar = null,
    IReadOnlyList<IdeaBox.Web.Features.Calls.OpenCallBrief>? Calls = null);
