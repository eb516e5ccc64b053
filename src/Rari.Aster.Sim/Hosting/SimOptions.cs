using Rari.Aster.Signing;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.RateLimits;
using Rari.Aster.Sim.Replay;

namespace Rari.Aster.Sim.Hosting;

/// <summary>
/// How a <see cref="SimServer"/> is set up: where it listens, which recorded market data it replays and how fast,
/// which accounts and instruments it knows, its rate limits and the faults it injects from the start.
/// </summary>
public sealed record SimOptions
{
    /// <summary>The address Kestrel binds to; loopback by default so the simulator is never reachable from outside.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>The TCP port for REST and WebSocket alike; 0 picks any free port (read it from <see cref="SimServer.BaseAddress"/>).</summary>
    public int Port { get; init; }

    /// <summary>Recorded 1-minute kline files to replay (<c>SYMBOL-1m-….csv[.gz]</c>); at least one.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>How the market clock advances; <see cref="ReplayMode.Manual"/> waits for <c>/_sim/clock/step</c>.</summary>
    public ReplayMode ReplayMode { get; init; } = ReplayMode.Paced;

    /// <summary>
    /// Minutes of the data replayed at start, before anyone connects, so that a client finds that much history
    /// (klines, trades) to warm its indicators up on; 0 starts at the first bar.
    /// </summary>
    public int HistoryBars
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(HistoryBars), value, "History bars must be zero or more.");
    }

    /// <summary>With <see cref="ReplayMode.Paced"/>: market seconds per wall-clock second (1 = real time, 60 = a bar a second).</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>An accounts file (see <see cref="Accounts.AccountsFile"/>); null creates one demo account with fresh credentials.</summary>
    public string? AccountsFile { get; init; }

    /// <summary>Starting balance of the demo account created when <see cref="AccountsFile"/> is null, in USDT.</summary>
    public decimal DemoBalance { get; init; } = 10_000m;

    /// <summary>An instruments file overriding or adding to the built-in instruments; null for the built-in set only.</summary>
    public string? InstrumentsFile { get; init; }

    /// <summary>The EIP-712 chain id V3 signatures are checked under: 1666 (mainnet) or 714 (testnet).</summary>
    public long ChainId { get; init; } = AsterEip712.MainnetChainId;

    /// <summary>The rate limits exchangeInfo declares and the server enforces.</summary>
    public RateLimitSettings RateLimits { get; init; } = new();

    /// <summary>Faults injected from the start (change them at run time through <c>/_sim/faults</c>).</summary>
    public FaultSettings Faults { get; init; } = new();

    /// <summary>The wall clock used for authentication (timestamps, nonces), rate-limit windows and listenKey expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a listenKey lives without a keepalive (Aster: 60 minutes).</summary>
    public TimeSpan ListenKeyLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>How often the server pings each WebSocket (Aster: every 5 minutes).</summary>
    public TimeSpan StreamPingInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the server waits for a pong before closing a WebSocket (Aster: 15 minutes).</summary>
    public TimeSpan StreamPongTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Most streams one WebSocket connection may subscribe to (Aster: 200).</summary>
    public int MaxStreamsPerConnection { get; init; } = 200;

    /// <summary>Most messages a client may send per second on one WebSocket before it is disconnected (Aster: 10).</summary>
    public int MaxIncomingMessagesPerSecond { get; init; } = 10;

    /// <summary>How many requests <c>/_sim/requests</c> remembers (oldest dropped first).</summary>
    public int RequestLogCapacity { get; init; } = 10_000;
}
