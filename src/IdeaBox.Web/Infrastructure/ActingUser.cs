namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Who a scope acts as when it is not an HTTP request: a background job runs as the person who started it
/// (with the roles they hold when it runs), a slice test as the user it chose. Unset, the scope acts as
/// the request's signed-in user.
/// </summary>
public sealed class ActingUser
{
    public ICurrentUser? User { get; set; }

    /// <summary>The scope's <see cref="ICurrentUser"/>: the one set here, or the request's.</summary>
    public static ICurrentUser Resolve(IServiceProvider services) =>
        services.GetRequiredService<ActingUser>().User ?? ActivatorUtilities.CreateInstance<HttpCurrentUser>(services);
}

/// <summary>A known user and the roles they hold, outside a request.</summary>
public sealed record ActorUser(int Id, IReadOnlyCollection<string> Roles) : ICurrentUser
{
    public bool IsSignedIn => true;

    public bool IsInRole(string role) => Roles.Contains(role);
}
