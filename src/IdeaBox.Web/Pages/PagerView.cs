namespace IdeaBox.Web.Pages;

/// <summary>What the pager partial needs: where the list stands and the address of another page.</summary>
public sealed record PagerView(Paging Paging, Func<int, Dictionary<string, string>> RouteFor, string? Fragment = null);
