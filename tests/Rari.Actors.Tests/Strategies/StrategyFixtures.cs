using System.Collections.Concurrent;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Actors.Tests.Strategies;

/// <summary>Real ETHUSDT bars, the symbol's setup, settings and account views shared by the strategy and symbol specs.</summary>
internal static class StrategyFixtures
{
    /// <summary>HOCON for a local actor system whose journal and snapshot store are Akka.Persistence.TestKit's.</summary>
    public const string PersistenceConfig = """
        akka.loglevel = INFO
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.test.class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
        akka.persistence.journal.test.plugin-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.test.class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
        akka.persistence.snapshot-store.test.plugin-dispatcher = "akka.actor.default-dispatcher"
        """;

    /// <summary>Where the first live bar is: the bars before it are history (warm-up).</summary>
    public const int FirstLive = 300;

    /// <summary>Generous wait for behaviour (two shared cores); never a timing assertion.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly Lazy<Kline[]> EthBars = new(() =>
        KlineCsvReader.Read(SharedData.File("klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz")).Take(2_500).ToArray());

    public static Symbol Eth => TestInstruments.EthUsdt.Symbol;

    /// <summary>The first 2500 one-minute ETHUSDT bars of May 2025.</summary>
    public static IReadOnlyList<Kline> Bars => EthBars.Value;

    public static SymbolSetup Setup { get; } = new(TestInstruments.EthUsdt, 10, 0.0002m, 0.0004m);

    public static SymbolCatalog Catalog { get; } = new(new Dictionary<Symbol, SymbolSetup> { [Eth] = Setup });

    /// <summary>Fast retries and restarts, a 300-bar warm-up, snapshots every 5 events.</summary>
    public static StrategyActorSettings FastSettings { get; } = StrategyActorSettings.Default with
    {
        WarmUpBars = FirstLive,
        SnapshotEvery = 5,
        RetryBackoffMin = TimeSpan.FromMilliseconds(100),
        RetryBackoffMax = TimeSpan.FromMilliseconds(500),
        RestartBackoffMin = TimeSpan.FromMilliseconds(100),
        RestartBackoffMax = TimeSpan.FromMilliseconds(500),
        RestartRandomFactor = 0,
        OrderSyncTimeout = TimeSpan.FromSeconds(10),
        AskTimeout = TimeSpan.FromSeconds(5),
    };

    public static KlineClosed Closed(int index) => new(Eth, Bars[index], 0);

    /// <summary>An account with 10,000 USDT and the given ETHUSDT position.</summary>
    public static AccountChanged Account(decimal position = 0m, decimal entryPrice = 0m, long timestampMs = 1) =>
        new(
            timestampMs,
            10_000m,
            10_000m,
            10_000m,
            position == 0m ? [] : [new PositionReport(Eth, PositionSide.Both, position, entryPrice, 0m, 10, MarginType.Cross, 0m)]);

    /// <summary>The full fill of <paramref name="intent"/> at its limit price.</summary>
    public static OrderFilled FullFill(OrderIntent intent, long tradeId, long timestampMs) =>
        TestOrders.Filled(intent, tradeId, intent.Quantity!.Value, intent.Price!.Value, venueOrderId: 1_000 + tradeId, timestampMs: timestampMs);
}

/// <summary>
/// Recent closed klines from the recorded series, as the venue would serve them at a moment of the replay: the bars
/// before <see cref="Until"/> are closed. Counts requests by size; can hold the answers back until released, or fail.
/// </summary>
internal sealed class RecordedKlineHistory(IReadOnlyList<Kline> bars, int until) : IKlineHistory
{
    private readonly ConcurrentDictionary<int, int> _requests = new();
    private volatile int _until = until;
    private volatile TaskCompletionSource? _gate;
    private int _failuresLeft;

    /// <summary>Bars before this index are closed.</summary>
    public int Until
    {
        get => _until;
        set => _until = value;
    }

    /// <summary>How many requests asked for <paramref name="count"/> bars.</summary>
    public int RequestsFor(int count) => _requests.TryGetValue(count, out var n) ? n : 0;

    /// <summary>Holds every answer back until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the held answers go.</summary>
    public void Release() => _gate?.TrySetResult();

    /// <summary>The next <paramref name="count"/> requests fail.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public async Task<IReadOnlyList<Kline>> GetClosedKlinesAsync(Symbol symbol, int count, CancellationToken cancellationToken = default)
    {
        _requests.AddOrUpdate(count, 1, (_, n) => n + 1);
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("the venue is unreachable (simulated)");
        }

        var end = Math.Min(_until, bars.Count);
        var start = Math.Max(0, end - count);
        return bars.Skip(start).Take(end - start).ToArray();
    }
}

/// <summary>An audit trail that keeps every entry.</summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => [.. _entries];

    public void Record(AuditEntry entry) => _entries.Enqueue(entry);
}
