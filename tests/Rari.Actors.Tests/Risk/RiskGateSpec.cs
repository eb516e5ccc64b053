using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.Risk;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Risk;

/// <summary>
/// What the risk gate specs share: an actor system on Akka.Persistence.TestKit's journal and snapshot store, probes for
/// the gateway, the symbol region and the pub-sub mediator, an in-memory audit trail, and builders for the messages.
/// BTCUSDT and ETHUSDT trade at 20x; the account holds 10,000 USDT unless a spec says otherwise.
/// </summary>
public abstract class RiskGateSpec : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>2025-05-04 10:00 UTC: market time, far from midnight in both directions.</summary>
    protected const long T0 = 1_746_352_800_000;

    /// <summary>2025-05-05 00:00 UTC, the next UTC day.</summary>
    protected const long NextDay = 1_746_403_200_000;

    protected const long Minute = 60_000;

    protected static readonly Symbol Btc = TestInstruments.BtcUsdt.Symbol;

    protected static readonly Symbol Eth = TestInstruments.EthUsdt.Symbol;

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private const string Config = """
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.test"
        akka.persistence.journal.auto-start-journals = ["akka.persistence.journal.test"]
        akka.persistence.journal.test {
          class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.test"
        akka.persistence.snapshot-store.auto-start-snapshot-stores = ["akka.persistence.snapshot-store.test"]
        akka.persistence.snapshot-store.test {
          class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
          plugin-dispatcher = "akka.actor.default-dispatcher"
        }
        """;

    private static readonly ClientOrderIdFactory Ids = new();

    protected static readonly SymbolCatalog Catalog = new(new Dictionary<Symbol, SymbolSetup>
    {
        [Btc] = new(TestInstruments.BtcUsdt, 20, 0.0002m, 0.0004m),
        [Eth] = new(TestInstruments.EthUsdt, 20, 0.0002m, 0.0004m),
    });

    protected RiskGateSpec(ITestOutputHelper output)
        : base(Config, output: output)
    {
        Gateway = CreateTestProbe("gateway");
        Symbols = CreateTestProbe("symbols");
        Mediator = CreateTestProbe("mediator");
    }

    protected TestProbe Gateway { get; }

    protected TestProbe Symbols { get; }

    protected TestProbe Mediator { get; }

    protected MemoryAuditTrail Audit { get; } = new();

    /// <summary>The gate's timer runs often, so specs that wait for it do not wait long.</summary>
    protected static RiskGateOptions Options { get; } = new() { TimeCheckInterval = TimeSpan.FromMilliseconds(100) };

    /// <summary>
    /// Starts a gate and waits until it has recovered: it subscribes to the account topic, announces the global trading
    /// state it recovered (returned), and asks the gateway for the entries still open, which the gateway probe answers
    /// with <paramref name="openEntries"/> (none by default).
    /// </summary>
    protected (IActorRef Gate, TradingStateChanged Recovered) StartGate(
        RiskSettings? settings = null, RiskGateOptions? options = null, TestProbe? mediator = null, params OpenEntryOrder[] openEntries)
    {
        mediator ??= Mediator;
        var gate = Sys.ActorOf(RiskGate.Props(
            settings ?? RiskSettings.Default, AssetProfileTable.Default, Catalog, Gateway, Symbols, mediator, Audit, options ?? Options));
        mediator.ExpectMsg<Subscribe>(s => s.Topic == Topics.Account && s.Ref.Equals(gate), Patience);
        var recovered = ExpectPublished(t => t.Symbol is null, mediator);
        Gateway.FishForMessage<GetOpenEntryOrders>(_ => true, Patience); // what an earlier gate sent may come first
        Gateway.Reply(new OpenEntryOrders(openEntries));
        return (gate, recovered);
    }

    /// <summary>Waits for a trading-state change published on its topic that matches; other publications are skipped.</summary>
    protected TradingStateChanged ExpectPublished(Func<TradingStateChanged, bool> match, TestProbe? mediator = null)
    {
        var publish = (mediator ?? Mediator).FishForMessage<Publish>(
            p => p.Topic == Topics.TradingState && p.Message is TradingStateChanged change && match(change), Patience);
        return (TradingStateChanged)publish.Message;
    }

    /// <summary>Asks the gate for its status; when it answers, it has handled everything sent before.</summary>
    protected static RiskStatus Status(IActorRef gate) => gate.Ask<RiskStatus>(GetRiskStatus.Instance, Patience).GetAwaiter().GetResult();

    protected static ControlResult Control(IActorRef gate, RiskInput control) => gate.Ask<ControlResult>(control, Patience).GetAwaiter().GetResult();

    /// <summary>
    /// An account view; the wallet is the equity less the positions' unrealized PnL, as the venue reports it. Its revision
    /// is its time, so later views outrank earlier ones as the gateway stamps them.
    /// </summary>
    protected static AccountChanged Account(long timeMs, decimal equity, params PositionReport[] positions) =>
        Account(timeMs, equity, timeMs, positions);

    /// <summary>An account view with a given gateway revision.</summary>
    protected static AccountChanged Account(long timeMs, decimal equity, long revision, params PositionReport[] positions)
    {
        var wallet = equity;
        foreach (var position in positions)
        {
            wallet -= position.UnrealizedPnl;
        }

        return new AccountChanged(timeMs, wallet, equity, equity, positions, revision);
    }

    /// <summary>A one-way position valued at <paramref name="mark"/>.</summary>
    protected static PositionReport Position(decimal quantity, decimal entry, decimal mark, Symbol? symbol = null) =>
        new(symbol ?? Btc, PositionSide.Both, quantity, entry, quantity * (mark - entry), 20, MarginType.Cross, 0m);

    /// <summary>A symbol's report at a bar's close.</summary>
    protected static SymbolMarketObserved Market(long timeMs, decimal mark, decimal? barReturn = null, Symbol? symbol = null, decimal? recentStdDev = null) =>
        new(symbol ?? Btc, timeMs, mark, barReturn, recentStdDev, null, null, null);

    /// <summary>A GTC limit entry with its stop, from the grid strategy.</summary>
    protected static SubmitOrder Entry(long sequence, decimal quantity, decimal price, decimal stop, OrderSide side = OrderSide.Buy, Symbol? symbol = null)
    {
        var s = symbol ?? Btc;
        var intent = OrderIntent.Create(
            Ids.Create(TestOrders.Grid, s, sequence), TestOrders.Grid, s, side, OrderType.Limit, quantity, price: price, timeInForce: TimeInForce.Gtc);
        return new SubmitOrder(new RiskRequest(intent) { StopLossPrice = stop }, $"rung {sequence}");
    }

    /// <summary>A reduce-only MARKET exit.</summary>
    protected static SubmitOrder Exit(long sequence, decimal quantity, OrderSide side = OrderSide.Sell)
    {
        var intent = OrderIntent.Create(
            Ids.Create(TestOrders.Grid, Btc, sequence), TestOrders.Grid, Btc, side, OrderType.Market, quantity, reduceOnly: true);
        return new SubmitOrder(new RiskRequest(intent), "take profit");
    }

    /// <summary>The gate's own time for an order: nothing besides the order's id matters to the tracking.</summary>
    protected static OrderCanceled Canceled(SubmitOrder order, long timeMs) => new(order.Symbol, order.Request.Intent.ClientOrderId, timeMs);

    /// <summary>A fill of <paramref name="quantity"/> of the order at its limit price.</summary>
    protected static OrderFilled Filled(SubmitOrder order, decimal quantity, long timeMs)
    {
        var intent = order.Request.Intent;
        return new OrderFilled(new Fill(
            intent.Symbol, intent.ClientOrderId, new VenueOrderId(7), new TradeId(timeMs), intent.Side, PositionSide.Both,
            intent.Price ?? 0m, quantity, 0m, LiquiditySide.Maker, timeMs));
    }

    /// <summary>The audit trail in memory.</summary>
    protected sealed class MemoryAuditTrail : IAuditTrail
    {
        private readonly ConcurrentQueue<AuditEntry> _entries = new();

        public IReadOnlyList<AuditEntry> Entries => [.. _entries];

        public void Record(AuditEntry entry) => _entries.Enqueue(entry);
    }
}
