using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

namespace Rari.Aster.Streams;

/// <summary>How one WebSocket connection is opened and kept alive.</summary>
/// <param name="ConnectTimeout">How long the handshake may take.</param>
/// <param name="KeepAliveInterval">How often the client sends its own keep-alive frame; zero sends none.</param>
/// <param name="KeepAliveTimeout">
/// With a keep-alive interval: how long to wait for the venue's pong before the connection is declared dead;
/// <see cref="Timeout.InfiniteTimeSpan"/> sends unsolicited pongs instead of pings.
/// </param>
/// <param name="MaxMessagesPerSecond">Most messages the client sends per rolling second.</param>
/// <param name="MaxMessageBytes">Largest message accepted; a bigger one closes the connection.</param>
internal sealed record StreamSocketSettings(
    TimeSpan ConnectTimeout,
    TimeSpan KeepAliveInterval,
    TimeSpan KeepAliveTimeout,
    int MaxMessagesPerSecond,
    int MaxMessageBytes);

/// <summary>
/// One open WebSocket: a receive loop handing every text message to a callback, rate-limited sends, requests matched
/// to their replies by id, and a <see cref="Closed"/> task that completes with the reason once it is gone.
/// </summary>
/// <remarks>
/// Server pings are answered by the runtime's WebSocket while a receive is pending, which the receive loop keeps at
/// all times. Thread-safe.
/// </remarks>
internal sealed class StreamSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly MessageRateLimiter _limiter;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<StreamReply>> _pending = new();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _maxMessageBytes;
    private readonly Func<StreamSocket, string, ValueTask> _onText;
    private Task _receiveLoop = Task.CompletedTask;
    private string? _abortReason;
    private int _receiving;
    private volatile bool _ready;

    private StreamSocket(int number, ClientWebSocket socket, StreamSocketSettings settings, TimeProvider time, Func<StreamSocket, string, ValueTask> onText)
    {
        _onText = onText;
        Number = number;
        _socket = socket;
        _limiter = new MessageRateLimiter(settings.MaxMessagesPerSecond, time);
        _maxMessageBytes = settings.MaxMessageBytes;
        OpenedAt = time.GetTimestamp();
    }

    /// <summary>The connection's number within its stream, 1 for the first.</summary>
    public int Number { get; }

    /// <summary>When the handshake completed (a <see cref="TimeProvider"/> timestamp).</summary>
    public long OpenedAt { get; }

    /// <summary>Completes with the reason once the connection is gone (closed, lost or aborted).</summary>
    public Task<string> Closed => _closed.Task;

    /// <summary>Whether the connection has been prepared (subscribed) and may be used for requests.</summary>
    public bool IsReady
    {
        get => _ready;
        set => _ready = value;
    }

    /// <summary>Opens a connection; nothing is read until <see cref="StartReceiving"/>, so no message can arrive unseen.</summary>
    /// <param name="number">The connection's number.</param>
    /// <param name="uri">The WebSocket URL.</param>
    /// <param name="settings">Timeouts, keep-alive and limits.</param>
    /// <param name="time">The clock.</param>
    /// <param name="onText">Handles each text message, one at a time, in arrival order.</param>
    /// <param name="cancellationToken">Stops the handshake.</param>
    public static async Task<StreamSocket> ConnectAsync(
        int number, Uri uri, StreamSocketSettings settings, TimeProvider time, Func<StreamSocket, string, ValueTask> onText, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = settings.KeepAliveInterval;
        if (settings.KeepAliveInterval > TimeSpan.Zero)
        {
            socket.Options.KeepAliveTimeout = settings.KeepAliveTimeout;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.ConnectTimeout);
            await socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new StreamSocket(number, socket, settings, time, onText);
    }

    /// <summary>Starts the receive loop (once); until then messages wait in the transport.</summary>
    public void StartReceiving()
    {
        if (Interlocked.Exchange(ref _receiving, 1) == 0)
        {
            _receiveLoop = Task.Run(() => ReceiveLoopAsync(_onText), CancellationToken.None);
        }
    }

    /// <summary>Sends one text message, waiting for the message-rate limit.</summary>
    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Sends a request carrying <paramref name="id"/> and waits for the reply with that id.</summary>
    /// <exception cref="StreamConnectionLostException">The connection closed first.</exception>
    /// <exception cref="TimeoutException">No reply within <paramref name="timeout"/>.</exception>
    public async Task<StreamReply> RequestAsync(long id, string text, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<StreamReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        try
        {
            if (Closed.IsCompleted)
            {
                throw new StreamConnectionLostException(await Closed.ConfigureAwait(false));
            }

            try
            {
                await SendAsync(text, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
            {
                throw new StreamConnectionLostException(e.Message);
            }

            return await reply.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Hands a reply to the request waiting for it; false when none waits.</summary>
    public bool Complete(long id, StreamReply reply) => _pending.TryRemove(id, out var waiting) && waiting.TrySetResult(reply);

    /// <summary>Cuts the connection at once.</summary>
    public void Abort(string reason)
    {
        Interlocked.CompareExchange(ref _abortReason, reason, null);
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing left to stop.
        }

        _socket.Abort();
    }

    /// <summary>Closes the connection with a close handshake, or aborts it when the handshake does not finish in 2 s.</summary>
    public async Task CloseAsync(string reason)
    {
        Interlocked.CompareExchange(ref _abortReason, reason, null);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendGate.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, Truncate(reason), timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendGate.Release();
            }

            await Closed.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The venue did not finish the handshake in time: cut it.
        }

        Abort(reason);
    }

    /// <summary>Aborts the connection, waits for the receive loop and releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        Abort("disposed");
        if (Interlocked.Exchange(ref _receiving, 1) == 0)
        {
            _closed.TrySetResult("disposed");
        }

        await _receiveLoop.ConfigureAwait(false);
        _socket.Dispose();
        _sendGate.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(Func<StreamSocket, string, ValueTask> onText)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var reason = "the receive loop failed";
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"closed by the venue ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})".Replace(" )", ")", StringComparison.Ordinal);
                    await AnswerCloseAsync().ConfigureAwait(false);
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > _maxMessageBytes)
                {
                    reason = $"a message exceeded {_maxMessageBytes} bytes";
                    break;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                await onText(this, text).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            reason = _abortReason ?? "stopped";
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            reason = _abortReason ?? $"connection lost: {e.Message}";
        }

        finally
        {
            _socket.Abort();
            _closed.TrySetResult(reason);
            foreach (var id in _pending.Keys)
            {
                if (_pending.TryRemove(id, out var waiting))
                {
                    waiting.TrySetException(new StreamConnectionLostException(reason));
                }
            }
        }
    }

    // Completes the close handshake the venue started, unless a send holds the socket for more than a second.
    private async Task AnswerCloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _sendGate.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is going anyway.
        }
    }

    // A close reason must fit in 123 bytes.
    private static string Truncate(string reason) => reason.Length <= 100 ? reason : reason[..100];
}
