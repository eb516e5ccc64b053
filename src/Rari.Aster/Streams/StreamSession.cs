using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Rari.Aster.Streams;

/// <summary>How a <see cref="StreamSession"/> connects, reconnects and switches connections.</summary>
/// <param name="Name">"market" or "user", for logs.</param>
/// <param name="Socket">How each connection is opened.</param>
/// <param name="Backoff">The waits between reconnection attempts.</param>
/// <param name="MaxConnectionAge">Age at which a connection is replaced make-before-break; null never.</param>
/// <param name="SwitchOverGrace">How long the old connection keeps delivering after the new one's first message.</param>
/// <param name="SwitchOverTimeout">How long to wait for the new connection's first message before giving the switch up.</param>
/// <param name="MaxLoggedChars">How much of a skipped message is logged.</param>
internal sealed record StreamSessionSettings(
    string Name,
    StreamSocketSettings Socket,
    ReconnectBackoff Backoff,
    TimeSpan? MaxConnectionAge,
    TimeSpan SwitchOverGrace,
    TimeSpan SwitchOverTimeout,
    int MaxLoggedChars);

/// <summary>
/// The connection engine under both streams: one active WebSocket at a time, reconnected with exponential backoff and
/// jitter when it is lost, replaced make-before-break when it reaches its maximum age, and every data message handed
/// to the host once.
/// </summary>
/// <remarks>
/// <para><b>Planned switch.</b> When the active connection reaches its age, a new one is opened and prepared
/// (subscribed) while the old one keeps delivering. From then on both deliver and each data message is passed on from
/// whichever connection brings it first; the same text arriving on the other connection is dropped (the venue sends a
/// payload byte for byte alike to every listener). The old connection closes as soon as it brings a message the new
/// one already delivered (it has caught up, so it holds nothing the new one lacks) or
/// <see cref="StreamSessionSettings.SwitchOverGrace"/> after the new one's first message. Nothing is lost unless the
/// old connection lags the new one by more than the grace, and nothing is delivered twice unless two connections send
/// different text for one event; consumers that must be exact dedupe by event id (aggTrade <c>a</c>, depth <c>u</c>,
/// kline <c>t</c> with <c>x</c>, user events by <c>E</c> and trade id).</para>
/// <para>Thread-safe. Data messages reach the host one at a time.</para>
/// </remarks>
internal sealed partial class StreamSession : IAsyncDisposable
{
    private readonly StreamSessionSettings _settings;
    private readonly IStreamSessionHost _host;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _deliverGate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<StreamSocket> _activeSignal = NewSignal<StreamSocket>();
    private TaskCompletionSource<string> _reconnectRequest = NewSignal<string>();
    private StreamSocket? _active;
    private Switch? _switch;
    private Task _supervisor = Task.CompletedTask;
    private int _connections;
    private long _requestId;

    public StreamSession(StreamSessionSettings settings, IStreamSessionHost host, ILogger logger, TimeProvider time)
    {
        _settings = settings;
        _host = host;
        _logger = logger;
        _time = time;
    }

    /// <summary>How many connections have been opened (including planned ones).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connections);

    /// <summary>The connection carrying data, or null while disconnected.</summary>
    public StreamSocket? Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    /// <summary>Every open connection that will carry data: the active one first, then one being switched to.</summary>
    public IReadOnlyList<StreamSocket> Live
    {
        get
        {
            lock (_gate)
            {
                return (_active, _switch) switch
                {
                    (null, _) => [],
                    (var active, null) => [active],
                    (var active, var planned) => [active, planned.New],
                };
            }
        }
    }

    /// <summary>Local wall-clock time, UTC epoch ms.</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Whether <see cref="Start"/> was called.</summary>
    public bool IsStarted
    {
        get
        {
            lock (_gate)
            {
                return _supervisor != Task.CompletedTask;
            }
        }
    }

    /// <summary>Starts connecting in the background.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_supervisor != Task.CompletedTask)
            {
                throw new InvalidOperationException($"The {_settings.Name} stream is already started.");
            }

            _supervisor = Task.Run(() => SuperviseAsync(_stop.Token), CancellationToken.None);
        }
    }

    /// <summary>A new request id, unique within the session.</summary>
    public long NextRequestId() => Interlocked.Increment(ref _requestId);

    /// <summary>The active connection, waiting for one while disconnected.</summary>
    public async Task<StreamSocket> WaitForActiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task<StreamSocket> signal;
            lock (_gate)
            {
                if (_active is { IsReady: true, Closed.IsCompleted: false } active)
                {
                    return active;
                }

                signal = _activeSignal.Task;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            await signal.WaitAsync(linked.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the active connection and connects again at once (the user stream after its listenKey lapsed).</summary>
    public void RequestReconnect(string reason)
    {
        StreamLog.Reconnecting(_logger, _settings.Name, reason);
        lock (_gate)
        {
            _reconnectRequest.TrySetResult(reason);
        }
    }

    /// <summary>Stops the session and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _supervisor.ConfigureAwait(false);
        StreamSocket[] sockets;
        lock (_gate)
        {
            sockets = [.. Live];
            _active = null;
            _switch = null;
        }

        foreach (var socket in sockets)
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }

        _deliverGate.Dispose();
        _stop.Dispose();
    }

    private static TaskCompletionSource<T> NewSignal<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        var reason = StreamConnectReason.Initial;
        while (!cancellationToken.IsCancellationRequested)
        {
            StreamSocket socket;
            lock (_gate)
            {
                // A reconnect asked for while no connection was up has been served by this attempt.
                if (_reconnectRequest.Task.IsCompleted)
                {
                    _reconnectRequest = NewSignal<string>();
                }
            }

            try
            {
                socket = await OpenAsync(planned: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsConnectFailure(e))
            {
                var wait = _settings.Backoff.Next(attempt++);
                StreamLog.ConnectFailed(_logger, _settings.Name, attempt, e.Message, (long)wait.TotalMilliseconds);
                if (!await DelayAsync(wait, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            attempt = 0;
            await _host.OnConnectedAsync(socket.Number, reason).ConfigureAwait(false);
            var (lost, lostReason, immediate) = await RunAsync(socket, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var delay = immediate ? TimeSpan.Zero : _settings.Backoff.Next(attempt++);
            StreamLog.Lost(_logger, _settings.Name, lost.Number, lostReason, (long)delay.TotalMilliseconds);
            await _host.OnDisconnectedAsync(lost.Number, lostReason, delay).ConfigureAwait(false);
            reason = StreamConnectReason.Reconnect;
            if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Opens and prepares a connection; a planned one joins the active one in a switch.</summary>
    private async Task<StreamSocket> OpenAsync(bool planned, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _connections);
        var uri = await _host.GetEndpointAsync(cancellationToken).ConfigureAwait(false);
        var socket = await StreamSocket.ConnectAsync(number, uri, _settings.Socket, _time, OnTextAsync, cancellationToken).ConfigureAwait(false);

        // Data may arrive as soon as the connection opens (user stream) or a subscription is acknowledged, so the
        // socket is admitted, as the active connection or the new side of a switch, before it starts reading.
        Switch? started = null;
        lock (_gate)
        {
            if (planned && _active is not null)
            {
                started = _switch = new Switch(_active, socket, NowMs);
            }
            else
            {
                _active = socket;
            }
        }

        socket.StartReceiving();

        try
        {
            await _host.PrepareAsync(socket, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                if (started is not null && _switch == started)
                {
                    _switch = null;
                }
                else if (_active == socket)
                {
                    _active = null;
                }
            }

            await socket.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        socket.IsReady = true;
        if (started is null)
        {
            SignalActive(socket);
        }

        StreamLog.Connected(_logger, _settings.Name, number, uri.Authority, planned ? StreamConnectReason.Planned : StreamConnectReason.Initial);
        return socket;
    }

    private void SignalActive(StreamSocket socket)
    {
        TaskCompletionSource<StreamSocket> signal;
        lock (_gate)
        {
            signal = _activeSignal;
            _activeSignal = NewSignal<StreamSocket>();
        }

        signal.TrySetResult(socket);
    }

    private async ValueTask OnTextAsync(StreamSocket socket, string text)
    {
        var receivedAtMs = NowMs;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            StreamLog.Skipped(_logger, _settings.Name, "not JSON: " + e.Message, StreamLog.Truncate(text, _settings.MaxLoggedChars));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (StreamReply.TryRead(root, out var reply))
            {
                if (reply.Id is not { } id || !socket.Complete(id, reply))
                {
                    StreamLog.VenueNotice(_logger, _settings.Name, reply.Code, reply.Message ?? StreamLog.Truncate(text, _settings.MaxLoggedChars));
                }

                return;
            }

            try
            {
                await _deliverGate.WaitAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (Admit(socket, text))
                {
                    await _host.OnDataAsync(root, text, receivedAtMs).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopping: the consumer is gone.
            }
            finally
            {
                _deliverGate.Release();
            }
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static bool IsConnectFailure(Exception e) =>
        e is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException or TimeoutException
            or OperationCanceledException or StreamConnectionLostException or AsterStreamException or Errors.AsterApiException
            or InvalidOperationException;
}
