using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Rari.Aster.Sim.Tests.Support;

/// <summary>A test's WebSocket client: send JSON, receive the next message with a timeout.</summary>
internal sealed class WebSocketProbe(ClientWebSocket socket) : IAsyncDisposable
{
    public ClientWebSocket Socket { get; } = socket;

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message, or null when the socket closed or nothing arrived within the timeout.</summary>
    public async Task<string?> TryReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.ToArray());
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    public async Task<JsonElement> ReceiveAsync(double seconds = 5)
    {
        var text = await TryReceiveAsync(TimeSpan.FromSeconds(seconds));
        Assert.True(text is not null, "No WebSocket message arrived in time.");
        return JsonDocument.Parse(text!).RootElement.Clone();
    }

    /// <summary>Receives until a message matches, failing after the timeout.</summary>
    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match, double seconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var text = await TryReceiveAsync(deadline - DateTime.UtcNow);
            if (text is null)
            {
                break;
            }

            var json = JsonDocument.Parse(text).RootElement.Clone();
            if (match(json))
            {
                return json;
            }
        }

        throw new Xunit.Sdk.XunitException("No matching WebSocket message arrived in time.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        Socket.Dispose();
    }
}
