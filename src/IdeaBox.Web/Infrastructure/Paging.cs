namespace IdeaBox.Web.Infrastructure;

/// <summary>Where a paged list stands: the page asked for, clamped to the pages that exist.</summary>
public sealed record Paging(int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>How many rows come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Page <paramref name="requested"/> of <paramref name="total"/> rows, or the nearest page that exists.</summary>
    public static Paging Of(int requested, int total, int pageSize)
    {
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new(Math.Clamp(requested, 1, pages), pageSize, total);
    }
}
