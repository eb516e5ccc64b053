using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Aster.Errors;
using Rari.Aster.Rest;

namespace Rari.Aster.Streams;

/// <summary>
/// The account's user-data stream (<c>/ws/&lt;listenKey&gt;</c>): the listenKey is created through REST, kept alive on
/// schedule, and created again when it lapses (a <c>listenKeyExpired</c> event, or −1125 on keepalive), each time
/// with a new connection. Events are parsed into <see cref="AsterUserStreamEvent"/> records and put back in event-time
/// order when they arrive slightly out of order.
/// </summary>
/// <remarks>
/// <para><b>Ordering.</b> Aster warns that user-data payloads may arrive out of order under load. Each event is held
/// for <see cref="UserStreamOptions.ReorderWindow"/> (100 ms by default) after it arrives and released in <c>E</c>
/// order with every held event of an earlier or equal <c>E</c>; events arriving within one window of each other come
/// out sorted, a later straggler is passed on late rather than dropped. Connection events flush the held events first.</para>
/// <para><b>Gaps.</b> Events sent while no connection is open are lost: after <see cref="UserStreamConnected"/> with
/// <see cref="StreamConnectReason.Reconnect"/>, reconcile orders and positions through REST. A planned switch before the
/// 24-hour limit loses nothing.</para>
/// <para>Read <see cref="Events"/> from one consumer. The listenKey is never logged; it is not closed on dispose,
/// because an account has one key and another process of the same account may be using it (it lapses after 60 minutes).</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A WebSocket stream in Aster's sense, not a System.IO.Stream; the name is the project's vocabulary.")]
public sealed class AsterUserStream : IAsyncDisposable
{
    // −1125 INVALID_LISTEN_KEY: "This listenKey does not exist." (fact sheet §5.3)
    private const int InvalidListenKey = -1125;

    private readonly AsterRestClient _rest;
    private readonly UserStreamOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly StreamSession _session;
    private readonly Channel<Incoming> _incoming = Channel.CreateUnbounded<Incoming>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<AsterUserStreamEvent> _events;
    private readonly EventTimeOrderer<AsterUserStreamEvent> _orderer;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;
    private Task _keepAlive = Task.CompletedTask;
    private readonly TaskCompletionSource _firstKey = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listenKeysRequested;
    private int _keyVersion;
    private int _keepAlivesSent;
    private int _disposed;

    /// <summary>Creates a user stream; nothing connects until <see cref="Start"/>.</summary>
    /// <param name="rest">The account's REST client (creates and keeps alive the listenKey); it must have credentials.</param>
    /// <param name="options">Where to connect and how.</param>
    /// <param name="loggerFactory">Where connection changes and skipped messages are logged.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are unusable or the client has no credentials.</exception>
    public AsterUserStream(AsterRestClient rest, UserStreamOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!rest.Transport.Options.HasCredentials)
        {
            throw new ArgumentException("The user stream needs a REST client with credentials to create its listenKey.", nameof(rest));
        }

        _rest = rest;
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AsterUserStream>();
        _time = time ?? TimeProvider.System;
        _orderer = new EventTimeOrderer<AsterUserStreamEvent>((long)options.ReorderWindow.TotalMilliseconds);
        _events = Channel.CreateBounded<AsterUserStreamEvent>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _session = new StreamSession(options.SessionSettings("user"), new Host(this), _logger, _time);
    }

    /// <summary>Everything the stream delivers, in event-time order; see <see cref="AsterUserStreamEvent"/>. One reader only.</summary>
    public ChannelReader<AsterUserStreamEvent> Events => _events.Reader;

    /// <summary>How many connections have been opened so far.</summary>
    public int ConnectionsOpened => _session.ConnectionsOpened;

    /// <summary>How many times a listenKey was requested (created, or the live one returned and extended).</summary>
    public int ListenKeysRequested => Volatile.Read(ref _listenKeysRequested);

    /// <summary>How many keepalives succeeded.</summary>
    public int KeepAlivesSent => Volatile.Read(ref _keepAlivesSent);

    /// <summary>Creates the listenKey and connects in the background; keeps the key alive from then on.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        _session.Start();
        _pump = Task.Run(() => PumpAsync(_stop.Token), CancellationToken.None);
        _keepAlive = Task.Run(() => KeepAliveAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Everything the stream delivers, as an async sequence (the same single reader as <see cref="Events"/>).</summary>
    public IAsyncEnumerable<AsterUserStreamEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Closes the connection, stops the keepalives and completes <see cref="Events"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
        _incoming.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        await _keepAlive.ConfigureAwait(false);
        _events.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        try
        {
            // There is nothing to keep alive before the first key exists.
            await _firstKey.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(_options.KeepAliveListenKeyInterval, _time);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var version = Volatile.Read(ref _keyVersion);
                try
                {
                    await _rest.KeepAliveListenKeyAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _keepAlivesSent);
                }
                catch (AsterApiException e) when (e.Code == InvalidListenKey)
                {
                    // A refusal that raced the creation of a new key concerns the old one.
                    if (version == Volatile.Read(ref _keyVersion))
                    {
                        _session.RequestReconnect("the listenKey no longer exists (-1125 on keepalive)");
                    }
                }
                catch (AsterApiException e)
                {
                    // The key lives 60 minutes and is kept alive every 30: the next keepalive can still save it.
                    UserStreamLog.KeepAliveFailed(_logger, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var reader = _incoming.Reader;
        try
        {
            while (true)
            {
                if (_orderer.NextDueMs is { } due && due > _session.NowMs)
                {
                    using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var read = reader.WaitToReadAsync(wake.Token).AsTask();
                    var delay = Task.Delay(TimeSpan.FromMilliseconds(due - _session.NowMs), _time, wake.Token);
                    await Task.WhenAny(read, delay).ConfigureAwait(false);
                    await wake.CancelAsync().ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                else if (_orderer.Count == 0 && !await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                while (reader.TryRead(out var item))
                {
                    if (item.Flush)
                    {
                        await EmitAsync(_orderer.TakeAll(), cancellationToken).ConfigureAwait(false);
                        await _events.Writer.WriteAsync(item.Event, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        _orderer.Add(item.Event, item.Event.EventTimeMs, item.ArrivalMs);
                    }
                }

                await EmitAsync(_orderer.TakeDue(_session.NowMs), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            // Stopping.
        }
    }

    private async Task EmitAsync(IReadOnlyList<AsterUserStreamEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            await _events.Writer.WriteAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask OnDataAsync(JsonElement root, string text, long receivedAtMs)
    {
        AsterUserStreamEvent parsed;
        try
        {
            parsed = UserPayloads.Parse(root);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            StreamLog.Skipped(_logger, "user", e.Message, StreamLog.Truncate(text, _options.MaxLoggedChars));
            return ValueTask.CompletedTask;
        }

        Enqueue(new Incoming(parsed, receivedAtMs, Flush: false));
        if (parsed is AsterListenKeyExpired)
        {
            _session.RequestReconnect("the listenKey expired");
        }

        return ValueTask.CompletedTask;
    }

    private void Enqueue(Incoming item) => _incoming.Writer.TryWrite(item);

    /// <summary>An event on its way to the reorder buffer; connection events flush it.</summary>
    private readonly record struct Incoming(AsterUserStreamEvent Event, long ArrivalMs, bool Flush);

    /// <summary>The session's view of this stream.</summary>
    private sealed class Host(AsterUserStream stream) : IStreamSessionHost
    {
        public async Task<Uri> GetEndpointAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref stream._listenKeysRequested);
            var key = await stream._rest.CreateListenKeyAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref stream._keyVersion);
            stream._firstKey.TrySetResult();
            return stream._options.Endpoint("ws/" + Uri.EscapeDataString(key));
        }

        public Task PrepareAsync(StreamSocket socket, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask OnDataAsync(JsonElement root, string text, long receivedAtMs) => stream.OnDataAsync(root, text, receivedAtMs);

        public ValueTask OnConnectedAsync(int connection, StreamConnectReason reason)
        {
            stream.Enqueue(new Incoming(new UserStreamConnected(stream._session.NowMs, connection, reason), stream._session.NowMs, Flush: true));
            return ValueTask.CompletedTask;
        }

        public ValueTask OnDisconnectedAsync(int connection, string reason, TimeSpan retryIn)
        {
            stream.Enqueue(new Incoming(new UserStreamDisconnected(stream._session.NowMs, connection, reason, retryIn), stream._session.NowMs, Flush: true));
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The user stream's own log messages.</summary>
internal static partial class UserStreamLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Aster user stream: listenKey keepalive failed ({Reason}); trying again at the next interval")]
    public static partial void KeepAliveFailed(ILogger logger, string reason);
}
