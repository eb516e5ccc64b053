using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Rari.Aster.Sim.Faults;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// One client WebSocket: its subscriptions, whether payloads are wrapped as <c>{"stream":…,"data":…}</c>, an
/// outbox drained by a single sender, and the receive loop that answers the live-subscription protocol.
/// </summary>
/// <remarks>
/// A client that sends more than the allowed messages per second is disconnected (close status 1008). A client that
/// cannot keep up (outbox full) is disconnected too, as exchanges drop slow consumers. Injected faults act on every
/// outgoing message: drop aborts the socket, stall silently discards everything from then on.
/// </remarks>
internal sealed class StreamConnection
{
    private const int OutboxCapacity = 20_000;

    private WebSocket? _socket;
    private readonly FaultInjector _faults;
    private readonly int _maxMessagesPerSecond;
    private readonly Channel<Outgoing> _outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    private readonly List<StreamName> _subscriptions = [];
    private readonly Queue<long> _recentMessages = new();
    private readonly Lock _gate = new();
    private volatile bool _combined;
    private volatile bool _stalled;
    private volatile bool _closing;

    /// <summary>
    /// Creates a connection that queues messages until <see cref="RunAsync"/> attaches its socket, so it can be
    /// registered before the handshake completes and miss nothing published in between.
    /// </summary>
    public StreamConnection(bool combined, FaultInjector faults, int maxMessagesPerSecond)
    {
        _combined = combined;
        _faults = faults;
        _maxMessagesPerSecond = maxMessagesPerSecond;
    }

    /// <summary>Whether payloads are wrapped with their stream name.</summary>
    public bool Combined
    {
        get => _combined;
        set => _combined = value;
    }

    /// <summary>Whether the connection has stalled (sends nothing, stays open).</summary>
    public bool Stalled
    {
        get => _stalled;
        set => _stalled = value;
    }

    /// <summary>A snapshot of the subscriptions, in subscription order.</summary>
    public IReadOnlyList<StreamName> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>Adds subscriptions (names already present are kept once); false when the total would exceed <paramref name="max"/>.</summary>
    public bool Subscribe(IReadOnlyList<StreamName> streams, int max)
    {
        lock (_gate)
        {
            var added = streams.Where(s => !_subscriptions.Exists(e => e.Name == s.Name)).DistinctBy(s => s.Name).ToList();
            if (_subscriptions.Count + added.Count > max)
            {
                return false;
            }

            _subscriptions.AddRange(added);
            return true;
        }
    }

    /// <summary>Removes subscriptions by name.</summary>
    public void Unsubscribe(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            _subscriptions.RemoveAll(s => set.Contains(s.Name));
        }
    }

    /// <summary>Queues a stream payload, wrapped when the connection is combined.</summary>
    public void Deliver(string streamName, string payload) => Enqueue(_combined ? Wrap(streamName, payload) : payload);

    /// <summary>The combined-stream wrapper <c>{"stream":"&lt;name&gt;","data":&lt;payload&gt;}</c>.</summary>
    public static string Wrap(string streamName, string payload) => Json.JsonBody.BuildText(w =>
    {
        w.WriteStartObject();
        w.WriteString("stream", streamName);
        w.WritePropertyName("data");
        w.WriteRawValue(payload, skipInputValidation: true);
        w.WriteEndObject();
    });

    /// <summary>Queues a message as is (protocol replies).</summary>
    public void Enqueue(string text)
    {
        // Messages for a closing connection are dropped; a full outbox means a consumer too slow to keep.
        if (!_closing && !_outbox.Writer.TryWrite(new Outgoing(text, null)))
        {
            Abort();
        }
    }

    /// <summary>
    /// Queues a close frame after everything already queued and stops accepting messages. The sender sends it, so a
    /// close never races a send (a WebSocket allows one send at a time).
    /// </summary>
    public void RequestClose(WebSocketCloseStatus status, string? reason)
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        if (!_outbox.Writer.TryWrite(new Outgoing(reason, status)))
        {
            Abort();
        }

        _outbox.Writer.TryComplete();
    }

    /// <summary>Cuts the connection at once, without a close handshake (a dropped connection).</summary>
    public void Abort()
    {
        WebSocket? socket;
        lock (_gate)
        {
            _closing = true;
            socket = _socket;
        }

        _outbox.Writer.TryComplete();
        socket?.Abort();
    }

    /// <summary>
    /// Attaches the accepted socket and runs the sender and the receive loop until it closes; <paramref name="onText"/>
    /// answers each client message.
    /// </summary>
    public async Task RunAsync(WebSocket socket, Func<StreamConnection, string, Task> onText, CancellationToken cancellationToken)
    {
        bool dropped;
        lock (_gate)
        {
            _socket = socket;
            dropped = _closing;
        }

        if (dropped)
        {
            // Dropped while the handshake was under way.
            socket.Abort();
            return;
        }

        var sender = Task.Run(() => SendLoopAsync(cancellationToken), CancellationToken.None);
        try
        {
            await ReceiveLoopAsync(onText, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
        finally
        {
            _closing = true;
            _outbox.Writer.TryComplete();
            await sender.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(Func<StreamConnection, string, Task> onText, CancellationToken cancellationToken)
    {
        var socket = _socket!;
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        var closing = false;
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // The client's close, or its answer to ours: echo it unless we started the handshake.
                if (!closing)
                {
                    RequestClose(WebSocketCloseStatus.NormalClosure, null);
                }

                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage || closing)
            {
                message.SetLength(closing ? 0 : message.Length);
                continue;
            }

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (TooManyMessages())
            {
                // Aster disconnects a client that sends more than 10 messages a second (fact sheet §4.1).
                closing = true;
                RequestClose(WebSocketCloseStatus.PolicyViolation, "Too many messages");
                continue;
            }

            await onText(this, text).ConfigureAwait(false);
        }
    }

    private bool TooManyMessages()
    {
        var now = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;
        while (_recentMessages.Count > 0 && now - _recentMessages.Peek() >= second)
        {
            _recentMessages.Dequeue();
        }

        _recentMessages.Enqueue(now);
        return _recentMessages.Count > _maxMessagesPerSecond;
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var socket = _socket!;
        try
        {
            await foreach (var item in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.CloseStatus is { } status)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(status, item.Text, cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }

                switch (_faults.PlanMessage())
                {
                    case StreamFault.Drop:
                        Abort();
                        return;
                    case StreamFault.Stall:
                        _stalled = true;
                        break;
                }

                if (_stalled || socket.State != WebSocketState.Open)
                {
                    continue;
                }

                await socket.SendAsync(Encoding.UTF8.GetBytes(item.Text!), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket closed under us.
        }
    }

    /// <summary>A queued text message, or a close frame (status set, text = reason).</summary>
    private readonly record struct Outgoing(string? Text, WebSocketCloseStatus? CloseStatus);
}
