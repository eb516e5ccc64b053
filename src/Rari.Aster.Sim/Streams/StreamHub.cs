using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Replay;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// Every open stream connection, and the publisher feeding them: market payloads for each replayed minute, user
/// events published by the trading engine, <c>listenKeyExpired</c> when a key lapses, and the stream faults the
/// admin triggers (drop all, stall all, resume).
/// </summary>
internal sealed class StreamHub : IUserEventSink, IAsyncDisposable
{
    private readonly MarketReplay _replay;
    private readonly ListenKeys _listenKeys;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly HashSet<StreamConnection> _connections = [];
    private readonly Lock _gate = new();
    private readonly ITimer _sweeper;

    public StreamHub(MarketReplay replay, ListenKeys listenKeys, FaultInjector faults, TimeProvider time, int maxStreams, int maxMessagesPerSecond)
    {
        _replay = replay;
        _listenKeys = listenKeys;
        _faults = faults;
        _time = time;
        MaxStreams = maxStreams;
        MaxMessagesPerSecond = maxMessagesPerSecond;
        _replay.BarsReplayed += OnBarsReplayed;
        _sweeper = TimeProvider.System.CreateTimer(_ => SweepExpiredKeys(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Most streams per connection.</summary>
    public int MaxStreams { get; }

    /// <summary>Most client messages per second per connection.</summary>
    public int MaxMessagesPerSecond { get; }

    /// <summary>How many connections are open.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>The fault injector connections consult for every outgoing message.</summary>
    public FaultInjector Faults => _faults;

    /// <summary>A market stream name, or an active listenKey as a user stream; null when it is neither.</summary>
    public StreamName? Resolve(string name) =>
        StreamName.TryParseMarket(name, _replay)
        ?? (!name.Contains('@', StringComparison.Ordinal) && _listenKeys.AccountOf(name) is not null ? new StreamName(name, StreamKind.User) : null);

    /// <summary>Creates (or extends) the account's listenKey, first telling listeners of lapsed keys.</summary>
    public string CreateListenKey(string account)
    {
        SweepExpiredKeys();
        return _listenKeys.Create(account);
    }

    public void Add(StreamConnection connection)
    {
        lock (_gate)
        {
            _connections.Add(connection);
        }
    }

    public void Remove(StreamConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    /// <inheritdoc />
    public void Publish(string accountName, UserStreamEvent userEvent)
    {
        if (_listenKeys.ActiveKeyOf(accountName) is not { } key)
        {
            return;
        }

        Deliver(key, JsonBody.BuildText(userEvent.Write));
    }

    /// <summary>Aborts every connection now (the "drop all" fault).</summary>
    public int DropAll()
    {
        var all = Snapshot();
        foreach (var connection in all)
        {
            connection.Abort();
        }

        return all.Count;
    }

    /// <summary>Stalls or resumes every open connection.</summary>
    public int SetStalled(bool stalled)
    {
        var all = Snapshot();
        foreach (var connection in all)
        {
            connection.Stalled = stalled;
        }

        return all.Count;
    }

    /// <summary>
    /// Delivers one live-market payload to every connection subscribed to <paramref name="kind"/> of
    /// <paramref name="market"/> (klines: the 1-minute stream only, the one the upstream feeds).
    /// </summary>
    public void PublishLive(MarketSymbol market, StreamKind kind, string payload)
    {
        foreach (var connection in Snapshot())
        {
            foreach (var stream in connection.Subscriptions)
            {
                if (stream.Kind == kind && stream.Market == market && (kind != StreamKind.Kline || stream.Interval == Domain.Market.KlineInterval.OneMinute))
                {
                    connection.Deliver(stream.Name, payload);
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _replay.BarsReplayed -= OnBarsReplayed;
        return _sweeper.DisposeAsync();
    }

    private void SweepExpiredKeys()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var key in _listenKeys.RemoveExpired())
        {
            Deliver(key, JsonBody.BuildText(new ListenKeyExpired(now, key).Write));
        }
    }

    private void Deliver(string streamName, string payload)
    {
        foreach (var connection in Snapshot())
        {
            if (connection.Subscriptions.Any(s => s.Kind == StreamKind.User && s.Name == streamName))
            {
                connection.Deliver(streamName, payload);
            }
        }
    }

    private void OnBarsReplayed(object? sender, ReplayedBarsEventArgs minute)
    {
        var connections = Snapshot();
        if (connections.Count == 0)
        {
            return;
        }

        // Build each stream's payloads once per minute, however many connections listen to it.
        var cache = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var connection in connections)
        {
            foreach (var stream in connection.Subscriptions)
            {
                if (stream.Kind == StreamKind.User || !stream.Concerns(minute))
                {
                    continue;
                }

                if (!cache.TryGetValue(stream.Name, out var payloads))
                {
                    payloads = MarketStreamPayloads.For(stream, minute);
                    cache.Add(stream.Name, payloads);
                }

                foreach (var payload in payloads)
                {
                    connection.Deliver(stream.Name, payload);
                }
            }
        }
    }

    private List<StreamConnection> Snapshot()
    {
        lock (_gate)
        {
            return [.. _connections];
        }
    }
}
