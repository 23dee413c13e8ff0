namespace IdeaBox.Web.Infrastructure.RateLimiting;

/// <summary>
/// On a page model: requests with <see cref="Method"/> to the page's <see cref="Handler"/> ("" for
/// the page's own OnGet/OnPost) count against <see cref="Policy"/>'s budgets.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RateLimitedAttribute(RateLimitPolicy policy, string method, string handler = "") : Attribute
{
    public RateLimitPolicy Policy { get; } = policy;
    public string Method { get; } = method;
    public string Handler { get; } = handler;

    public bool Matches(HttpRequest request) =>
        HttpMethods.Equals(request.Method, Method)
        && string.Equals(request.Query["handler"].ToString(), Handler, StringComparison.OrdinalIgnoreCase);
}
