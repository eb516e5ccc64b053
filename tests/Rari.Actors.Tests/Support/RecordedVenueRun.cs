using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Tests.Execution;
using Rari.Aster.Streams;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.TestKit;
using static Rari.Actors.Tests.Execution.SimulatedExchange;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// The exchange gateway and the market-data stream run once per test process against the real simulator (the
/// gateway specs' <see cref="SimulatedExchange"/>): the gateway's whole journal, its snapshots and the order books the
/// stream sent — real samples of the actors' own journal and messages. A few seconds in all.
/// </summary>
/// <remarks>
/// The run: an order another process placed under our prefix is adopted at reconciliation; two orders are submitted,
/// one cancelled, the other filled when the market reaches it; an order report and a cancel for orders the gateway
/// never received declare them lost; an order for a symbol it does not trade is refused; the position is closed on
/// the risk gate's command; the gateway is stopped. It snapshots every few events, and its latest snapshot is read
/// after the cancel and at the end. The journal is Akka's in-memory one: the samples are the gateway's own values,
/// never copies that already went through the serializer.
/// </remarks>
public static class RecordedVenueRun
{
    /// <summary>The gateway snapshots after this many journaled events.</summary>
    public const int SnapshotEvery = 4;

    /// <summary>The books of each symbol the run waits for (every step of the market clock sends about one per symbol).</summary>
    public const int BooksPerSymbol = 3;

    private const string Account = "recorded";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Lazy<VenueRun> Lazy = new(() => Task.Run(RecordAsync).GetAwaiter().GetResult());

    /// <summary>The run.</summary>
    public static VenueRun Run => Lazy.Value;

    private static async Task<VenueRun> RecordAsync()
    {
        await using var exchange = await SimulatedExchange.StartAsync();
        using var kit = new Akka.TestKit.Xunit2.TestKit("akka.loglevel = WARNING\nakka.persistence.snapshot-store.plugin = \"akka.persistence.snapshot-store.inmem\"");
        var symbols = kit.CreateTestProbe("symbols");
        var books = kit.CreateTestProbe("books");
        var stranger = RestingBuy(1, 89_000.0m);
        await exchange.PlaceDirectlyAsync(stranger);

        // act: the gateway adopts the stranger, and the stream keeps ETHUSDT's and BTCUSDT's books
        var gateway = kit.Sys.ActorOf(ExchangeGateway.Props(
            Settings, exchange.Rest, exchange.UserStream, symbols, kit.CreateTestProbe("risk"), kit.CreateTestProbe("mediator"), NoAuditTrail.Instance, exchange.Catalog, Account));
        await Expect<OrderAccepted>(symbols, stranger.ClientOrderId);
        var stream = kit.Sys.ActorOf(MarketDataStream.Props(
            MarketData.SimVenue.FastSettings() with { OrderBooks = true, OrderBookLevels = 5 },
            new MarketStreamOptions { WebSocketBaseUrl = exchange.Server.StreamAddress, RequestTimeout = TimeSpan.FromSeconds(10) },
            books,
            TimeProvider.System,
            exchange.Rest));
        Symbol[] booked = [Btc, new Symbol("ETHUSDT")];
        await stream.Ask<SymbolsSubscribed>(new SubscribeSymbols(booked), Patience);

        var resting = RestingBuy(2);
        var filling = FillingBuy(3);
        gateway.Tell(Approved(resting));
        gateway.Tell(Approved(filling));
        await Expect<OrderAccepted>(symbols, resting.ClientOrderId, filling.ClientOrderId);

        var reported = RestingBuy(4);
        await gateway.Ask<OrderReports>(new GetOrderReports(Btc, TestOrders.Grid, [reported.ClientOrderId]), Patience);
        var withdrawn = RestingBuy(5);
        gateway.Tell(new CancelOrder(Btc, withdrawn.ClientOrderId, "changed its mind"));
        await Expect<OrderCanceled>(symbols, withdrawn.ClientOrderId);
        var doge = new Symbol("DOGEUSDT");
        var untraded = OrderIntent.Create(TestOrders.Ids.Create(TestOrders.Grid, doge, 6), TestOrders.Grid, doge, OrderSide.Buy, OrderType.Limit, 100m, price: 0.1m, timeInForce: TimeInForce.Gtc);
        gateway.Tell(Approved(untraded));
        await Expect<OrderDenied>(symbols, untraded.ClientOrderId);
        gateway.Tell(new CancelOrder(Btc, resting.ClientOrderId, "grid recentred"));
        await Expect<OrderCanceled>(symbols, resting.ClientOrderId);
        var snapshots = new List<GatewaySnapshot> { await LatestSnapshotAsync(kit.Sys) };

        await exchange.StepAsync(4);
        await Expect<OrderFilled>(symbols, filling.ClientOrderId);
        gateway.Tell(new ClosePositions(Btc, "flatten"));
        var close = (OrderFilled)await symbols.FishForMessageAsync(m => m is OrderFilled f && f.ClientOrderId != filling.ClientOrderId, Patience);
        var orderBooks = new List<OrderBookChanged>();
        for (var step = 0; step < 30 && !EnoughBooks(Drain(books, orderBooks), booked); step++)
        {
            await exchange.StepAsync(1);
            await Task.Delay(200);
        }

        var watcher = kit.CreateTestProbe();
        watcher.Watch(gateway);
        gateway.Tell(StopGateway.Instance);
        await watcher.ExpectTerminatedAsync(gateway, Patience);
        snapshots.Add(await LatestSnapshotAsync(kit.Sys));
        var journal = await kit.Sys.ActorOf(SampleJournalActor.ReplayAll(PersistenceId))
            .Ask<SampleJournalActor.Recovered>(SampleJournalActor.GetRecovered.Instance, Patience);

        Drain(books, orderBooks);
        Assert.True(EnoughBooks(orderBooks, booked), $"the stream sent {orderBooks.Count} order books");
        Assert.StartsWith("rari-risk-BTCUSDT-", close.ClientOrderId.Value, StringComparison.Ordinal);
        return new VenueRun(journal.Events, snapshots, orderBooks);
    }

    private static string PersistenceId => "gateway-" + Account;

    private static GatewaySettings Settings { get; } = GatewaySettings.Default with
    {
        DeadMansSwitch = false,
        OpenOrdersOnShutdown = ShutdownOrders.Leave,
        UnknownOrders = UnknownOrderPolicy.Adopt,
        SnapshotEvery = SnapshotEvery,
        RetryInitialDelay = TimeSpan.FromMilliseconds(200),
        RetryMaxDelay = TimeSpan.FromSeconds(2),
    };

    private static ApprovedOrder Approved(OrderIntent intent) => new(intent, "recorded run", RiskVerdictKind.Approved, "within limits");

    // Waits for an event of type T for each order, in any order (concurrent submissions are answered in any order).
    private static async Task Expect<T>(TestProbe probe, params ClientOrderId[] ids)
        where T : IOrderEvent
    {
        var missing = ids.ToHashSet();
        while (missing.Count > 0)
        {
            missing.Remove(((T)await probe.FishForMessageAsync(m => m is T e && missing.Contains(e.ClientOrderId), Patience)).ClientOrderId);
        }
    }

    // The gateway deletes older snapshots once a new one is saved: recovery offers the latest.
    private static async Task<GatewaySnapshot> LatestSnapshotAsync(ActorSystem system)
    {
        var recovered = await system.ActorOf(SampleJournalActor.Props(PersistenceId))
            .Ask<SampleJournalActor.Recovered>(SampleJournalActor.GetRecovered.Instance, Patience);
        return Assert.IsType<GatewaySnapshot>(recovered.Snapshot);
    }

    private static bool EnoughBooks(List<OrderBookChanged> books, Symbol[] symbols) =>
        symbols.All(symbol => books.Count(book => book.Symbol == symbol) >= BooksPerSymbol);

    // Moves the books the probe holds into the list (the stream also sends klines, tickers and mark prices).
    private static List<OrderBookChanged> Drain(TestProbe probe, List<OrderBookChanged> books)
    {
        while (probe.HasMessages)
        {
            if (probe.ReceiveOne(TimeSpan.Zero) is OrderBookChanged book)
            {
                books.Add(book);
            }
        }

        return books;
    }
}

/// <summary>A recorded run of the exchange gateway and the market-data stream.</summary>
/// <param name="Journal">Everything the gateway journaled, in order: its own events and the Domain's order events.</param>
/// <param name="Snapshots">The gateway's latest snapshot after the cancel, and at the end.</param>
/// <param name="Books">The order books the market-data stream sent.</param>
public sealed record VenueRun(IReadOnlyList<object> Journal, IReadOnlyList<GatewaySnapshot> Snapshots, IReadOnlyList<OrderBookChanged> Books);
