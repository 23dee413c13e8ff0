using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>An address that fails with an unexpected exception, behind the whole application pipeline: what a user sees on a 500.</summary>
public sealed class FailingEndpoint : IStartupFilter
{
    public const string Path = "/test/fail";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map(Path, failing => failing.Run(_ => throw new InvalidOperationException("A failure the tests asked for.")));
    };
}
