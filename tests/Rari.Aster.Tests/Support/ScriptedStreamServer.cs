using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rari.Aster.Tests.Support;

/// <summary>
/// A WebSocket server on 127.0.0.1 that acknowledges every request with its id and, after the first SUBSCRIBE, sends
/// a scripted list of text messages as they are: a venue that sends garbage.
/// </summary>
internal sealed class ScriptedStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private ScriptedStreamServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public int Connections => Volatile.Read(ref _connections);

    public static async Task<ScriptedStreamServer> StartAsync(IReadOnlyList<string> afterSubscribe)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        ScriptedStreamServer? server = null;
        app.Run(async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            Interlocked.Increment(ref server!._connections);
            var buffer = new byte[64 * 1024];
            var sent = false;
            while (socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                using var request = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                var id = request.RootElement.GetProperty("id").GetInt64();
                await SendAsync(socket, $$"""{"result":null,"id":{{id}}}""");
                if (!sent)
                {
                    sent = true;
                    foreach (var text in afterSubscribe)
                    {
                        await SendAsync(socket, text);
                    }
                }
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedStreamServer(app, new UriBuilder(address) { Scheme = "ws" }.Uri);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
}
