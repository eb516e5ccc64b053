using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rari.Aster.Streams;

/// <summary>
/// Aster's public market streams over one combined connection (<c>/stream</c>): live SUBSCRIBE and UNSUBSCRIBE with
/// acknowledgements, payloads parsed into the domain's types, reconnection with backoff and jitter that subscribes
/// every stream again, a planned make-before-break switch before the venue's 24-hour limit, and a watchdog that
/// reports silent streams.
/// </summary>
/// <remarks>
/// <para>Read <see cref="Events"/> from one consumer. When it falls <see cref="StreamConnectionOptions.EventBufferCapacity"/>
/// events behind, the connection stops reading (the venue eventually drops a consumer that slow).</para>
/// <para>After <see cref="StreamConnected"/> with <see cref="StreamConnectReason.Reconnect"/> events may be missing:
/// order books must resync (<see cref="LocalOrderBook.Handle"/> does). A planned switch loses nothing and duplicates
/// nothing in practice; see <see cref="StreamConnectionOptions.MaxConnectionAge"/> and the dedupe keys in
/// <see cref="MarketData{T}"/>.</para>
/// <para>Malformed or unexpected messages are logged with their raw text (truncated) and skipped. Server pings are
/// answered by the runtime. Outgoing messages are spaced to <see cref="StreamConnectionOptions.MaxMessagesPerSecond"/>
/// and a connection never holds more than <see cref="MarketStreamOptions.MaxStreams"/> streams.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A WebSocket stream in Aster's sense, not a System.IO.Stream; the name is the project's vocabulary.")]
public sealed partial class AsterMarketStream : IAsyncDisposable
{
    private readonly MarketStreamOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly StreamSession _session;
    private readonly Channel<MarketStreamEvent> _events;
    private readonly SemaphoreSlim _control = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<string> _subscriptions = [];
    private readonly SilenceWatchdog? _watchdog;
    private readonly CancellationTokenSource _stop = new();
    private Task _watchdogLoop = Task.CompletedTask;
    private int _disposed;

    /// <summary>Creates a stream; nothing connects until <see cref="Start"/>.</summary>
    /// <param name="options">Where to connect and how.</param>
    /// <param name="loggerFactory">Where connection changes and skipped messages are logged.</param>
    /// <param name="time">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The options are unusable.</exception>
    public AsterMarketStream(MarketStreamOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AsterMarketStream>();
        _time = time ?? TimeProvider.System;
        _events = Channel.CreateBounded<MarketStreamEvent>(new BoundedChannelOptions(options.EventBufferCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _watchdog = options.SilenceTimeout is { } silence ? new SilenceWatchdog((long)silence.TotalMilliseconds) : null;
        _session = new StreamSession(options.SessionSettings("market"), new Host(this), _logger, _time);
    }

    /// <summary>Everything the stream delivers, in order; see <see cref="MarketStreamEvent"/>. One reader only.</summary>
    public ChannelReader<MarketStreamEvent> Events => _events.Reader;

    /// <summary>The streams subscribed, in subscription order.</summary>
    public IReadOnlyList<string> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions];
            }
        }
    }

    /// <summary>How many connections have been opened so far (1 until the first reconnect or planned switch).</summary>
    public int ConnectionsOpened => _session.ConnectionsOpened;

    /// <summary>Starts connecting in the background; subscribe with <see cref="SubscribeAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        _session.Start();
        if (_watchdog is not null)
        {
            _watchdogLoop = Task.Run(() => WatchAsync(_stop.Token), CancellationToken.None);
        }
    }

    /// <summary>Everything the stream delivers, as an async sequence (the same single reader as <see cref="Events"/>).</summary>
    public IAsyncEnumerable<MarketStreamEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _events.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Subscribes streams (names from <see cref="StreamNames"/>) and waits for the venue's acknowledgement, waiting for
    /// a connection first if there is none. Streams already subscribed are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">A name is malformed.</exception>
    /// <exception cref="InvalidOperationException">The connection would hold more than <see cref="MarketStreamOptions.MaxStreams"/> streams.</exception>
    /// <exception cref="AsterStreamException">The venue refused (e.g. an unknown stream); nothing was subscribed.</exception>
    public async Task SubscribeAsync(IEnumerable<string> streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var names = Distinct(streams);
        await WithConnectionAsync(
            async socket =>
            {
                List<string> added;
                lock (_gate)
                {
                    added = [.. names.Where(n => !_subscriptions.Contains(n))];
                    if (_subscriptions.Count + added.Count > _options.MaxStreams)
                    {
                        throw new InvalidOperationException(
                            $"Subscribing {added.Count} more stream(s) would put {_subscriptions.Count + added.Count} on one connection; Aster allows {_options.MaxStreams}. Use a second {nameof(AsterMarketStream)}.");
                    }
                }

                if (added.Count == 0)
                {
                    return true;
                }

                if (!await RequestOnEveryConnectionAsync(socket, "SUBSCRIBE", added, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                lock (_gate)
                {
                    _subscriptions.AddRange(added);
                }

                _watchdog?.Track(added, _session.NowMs);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Unsubscribes streams and waits for the acknowledgement; streams not subscribed are ignored. While disconnected
    /// the streams are simply not subscribed again.
    /// </summary>
    /// <exception cref="AsterStreamException">The venue refused.</exception>
    public async Task UnsubscribeAsync(IEnumerable<string> streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var names = Distinct(streams);
        await _control.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<string> removed;
            lock (_gate)
            {
                removed = [.. names.Where(_subscriptions.Contains)];
                _subscriptions.RemoveAll(removed.Contains);
            }

            _watchdog?.Untrack(removed);
            if (removed.Count > 0 && _session.Active is { Closed.IsCompleted: false } socket)
            {
                await RequestOnEveryConnectionAsync(socket, "UNSUBSCRIBE", removed, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Asks the venue which streams the current connection carries (<c>LIST_SUBSCRIPTIONS</c>).</summary>
    /// <exception cref="AsterStreamException">The venue refused.</exception>
    public async Task<IReadOnlyList<string>> ListSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> listed = [];
        await WithConnectionAsync(
            async socket =>
            {
                var reply = await TryRequestAsync(socket, "LIST_SUBSCRIPTIONS", null, cancellationToken).ConfigureAwait(false);
                if (reply is null)
                {
                    return false;
                }

                ThrowIfRefused("LIST_SUBSCRIPTIONS", reply);
                listed = reply.Result.ValueKind == JsonValueKind.Array
                    ? [.. reply.Result.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                    : [];
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return listed;
    }

    /// <summary>Closes the connections and completes <see cref="Events"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
        await _watchdogLoop.ConfigureAwait(false);
        _events.Writer.TryComplete();
        _control.Dispose();
        _stop.Dispose();
    }

    private static List<string> Distinct(IEnumerable<string> streams)
    {
        var names = new List<string>();
        foreach (var name in streams)
        {
            if (!StreamNames.IsWellFormed(name))
            {
                throw new ArgumentException($"'{name}' is not a stream name; build names with {nameof(StreamNames)}.", nameof(streams));
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the active, subscribed connection with the control gate held, so no
    /// re-subscription runs at the same time; again on the next connection when it answers false (connection lost).
    /// </summary>
    private async Task WithConnectionAsync(Func<StreamSocket, Task<bool>> action, CancellationToken cancellationToken)
    {
        if (!_session.IsStarted)
        {
            throw new InvalidOperationException($"Start the {nameof(AsterMarketStream)} before subscribing.");
        }

        while (true)
        {
            var socket = await _session.WaitForActiveAsync(cancellationToken).ConfigureAwait(false);
            await _control.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (socket == _session.Active && !socket.Closed.IsCompleted && await action(socket).ConfigureAwait(false))
                {
                    return;
                }
            }
            finally
            {
                _control.Release();
            }
        }
    }

    private static void ThrowIfRefused(string method, StreamReply reply)
    {
        if (reply.IsError)
        {
            throw new AsterStreamException(method, reply.Code!.Value, reply.Message);
        }
    }
}
