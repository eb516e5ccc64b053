using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Rari.Aster.Sim.Tests.Support;

/// <summary>
/// A test's WebSocket client. A background loop reads every message into a queue, so waiting with a timeout never
/// cancels a receive (which would abort a ClientWebSocket).
/// </summary>
internal sealed class WebSocketProbe : IAsyncDisposable
{
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    private readonly Task _pump;

    public WebSocketProbe(ClientWebSocket socket)
    {
        Socket = socket;
        _pump = Task.Run(PumpAsync);
    }

    public ClientWebSocket Socket { get; }

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message, or null when the socket closed or nothing arrived within the timeout.</summary>
    public async Task<string?> TryReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (ChannelClosedException)
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

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        Socket.Abort();
        await _pump;
        Socket.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _messages.Writer.TryWrite(Encoding.UTF8.GetString(message.ToArray()));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
