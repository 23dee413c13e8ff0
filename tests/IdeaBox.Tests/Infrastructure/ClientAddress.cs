using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>The in-memory test server has no network peer: requests get this documentation address (TEST-NET-1), as Kestrel would give the client's.</summary>
public sealed class ClientAddress : IStartupFilter
{
    public static readonly IPAddress Value = IPAddress.Parse("192.0.2.10");

    /// <summary>The request header that sets the connection's address, for tests only.</summary>
    public const string PeerHeader = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            // A test may say which address the connection comes from (a reverse proxy's, say).
            if (context.Request.Headers.TryGetValue(PeerHeader, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            context.Connection.RemoteIpAddress ??= Value;
            return following(context);
        });
        next(app);
    };
}
