using Microsoft.AspNetCore.Http;
using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// Accepts WebSocket connections on the exchange's paths, with or without the <c>/fstream</c> prefix (ccxt decides
/// that a URL is a futures stream by finding "fstream" in it, fact sheet §7.1): <c>/ws</c> (raw, subscribe live),
/// <c>/ws/&lt;stream&gt;[/&lt;stream&gt;…]</c> (raw), <c>/ws/&lt;listenKey&gt;</c> (user data),
/// <c>/stream</c> and <c>/stream?streams=a/b</c> (combined wrapper).
/// </summary>
internal sealed class StreamEndpoint(StreamHub hub, TimeSpan pingInterval, TimeSpan pongTimeout)
{
    /// <summary>Whether a path is a stream path.</summary>
    public static bool IsStreamPath(string path)
    {
        var local = Local(path);
        return local is "/ws" or "/stream" || local.StartsWith("/ws/", StringComparison.Ordinal);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = Local(context.Request.Path.Value ?? string.Empty);
        var combined = path == "/stream";
        var names = combined
            ? (context.Request.Query["streams"].FirstOrDefault() ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries)
            : path.Length > 4 ? path[4..].Split('/', StringSplitOptions.RemoveEmptyEntries) : [];
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, new AsterError(-1000, "This is a WebSocket endpoint: send an upgrade request.")).ConfigureAwait(false);
            return;
        }

        var streams = new List<StreamName>();
        foreach (var name in names)
        {
            if (hub.Resolve(name) is not { } stream)
            {
                var error = name.Contains('@', StringComparison.Ordinal) || name.StartsWith('!')
                    ? AsterErrors.InvalidParameter("streams", $"unknown stream name '{name}'.")
                    : AsterErrors.InvalidListenKey();
                await RefuseAsync(context, error).ConfigureAwait(false);
                return;
            }

            streams.Add(stream);
        }

        if (streams.Count > hub.MaxStreams)
        {
            await RefuseAsync(context, AsterErrors.InvalidParameter("streams", $"at most {hub.MaxStreams} streams per connection.")).ConfigureAwait(false);
            return;
        }

        // Registered before the handshake completes, so nothing published once the client sees 101 is missed.
        var connection = new StreamConnection(combined, hub.Faults, hub.MaxMessagesPerSecond);
        connection.Subscribe(streams, hub.MaxStreams);
        hub.Add(connection);
        try
        {
            // The runtime sends a ping every interval and aborts the socket when no pong arrives within the timeout.
            using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = pingInterval,
                KeepAliveTimeout = pongTimeout,
            }).ConfigureAwait(false);
            await connection.RunAsync(
                socket,
                (c, text) =>
                {
                    StreamProtocol.Handle(hub, c, text);
                    return Task.CompletedTask;
                },
                context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            hub.Remove(connection);
        }
    }

    private static string Local(string path) =>
        path.StartsWith("/fstream/", StringComparison.Ordinal) ? path["/fstream".Length..] : path;

    private static async Task RefuseAsync(HttpContext context, AsterError error)
    {
        var reply = SimReply.Error(error);
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
