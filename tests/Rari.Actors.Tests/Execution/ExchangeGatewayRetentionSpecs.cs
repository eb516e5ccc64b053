using Akka.Actor;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Settings;
using Rari.Domain.Execution;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Execution.SimulatedExchange;

namespace Rari.Actors.Tests.Execution;

/// <summary>
/// A gateway that keeps only its newest ended orders (<c>rari.gateway.retained-ended-orders</c>) against the real
/// simulated exchange: a dropped order is never sent again, its report comes from the venue with its fills, and a
/// restart (from the journal or from a snapshot) neither forgets that nor fetches old trades again.
/// </summary>
public sealed class ExchangeGatewayRetentionSpecs(ITestOutputHelper output) : GatewayTestKit(output)
{
    private const string NewOrderPath = "/fapi/v1/order";
    private const string UserTradesPath = "/fapi/v1/userTrades";

    // Three ended orders kept; a snapshot every two events, so a restart recovers from a snapshot and a few events.
    private static readonly GatewaySettings Settings = TestSettings with { RetainedEndedOrders = 3, SnapshotEvery = 2 };

    [Fact]
    public async Task Should_never_send_again_an_order_it_dropped_nor_after_a_restart()
    {
        // arrange: an order fills, then three more end after it, so it is dropped
        var gateway = StartGateway(Settings);
        var filled = await FillAsync(gateway, 21);
        await EndAsync(gateway, 22, 23, 24);
        var posts = Exchange.Requests("POST", NewOrderPath).Count;

        // act: the old approved order arrives again, before and after a restart
        gateway.Tell(Approved(filled.Intent));
        await gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience);
        Kill(gateway);
        var restarted = StartGateway(Settings);
        restarted.Tell(Approved(filled.Intent));
        await restarted.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience);

        // assert
        Assert.Equal(posts, Exchange.Requests("POST", NewOrderPath).Count); // <--
        Assert.Single(await Exchange.OrdersAsync(filled.Intent.ClientOrderId));
        Assert.Equal(2, AuditTrail.Count(e => e.ClientOrderId == filled.Intent.ClientOrderId && e.Kind == AuditKind.Response && e.Detail.Contains("watermark", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Should_report_the_fill_of_a_dropped_order_from_the_venue_before_and_after_a_restart()
    {
        // arrange
        var gateway = StartGateway(Settings);
        var filled = await FillAsync(gateway, 31);
        await EndAsync(gateway, 32, 33, 34);

        // act
        var before = Report(gateway, filled.Intent);
        Kill(gateway);
        var restarted = StartGateway(Settings);
        var after = Report(restarted, filled.Intent);

        // assert: filled, with the very fill the strategy was told of, never lost
        foreach (var report in new[] { before, after })
        {
            Assert.Equal(OrderStatus.Filled, report.Status); // <--
            Assert.Equal([filled.Fill.TradeId], report.Fills.Select(f => f.TradeId));
            Assert.Equal(filled.Fill.Quantity, report.Fills.Sum(f => f.Quantity));
            Assert.Equal(filled.Fill.Price, report.Fills.Single().Price);
        }
    }

    [Fact]
    public async Task Should_fetch_only_newer_trades_and_deliver_no_old_fill_when_reconciling_after_a_restart()
    {
        // arrange: a filled order is dropped behind three cancelled ones; one order still rests
        var gateway = StartGateway(Settings);
        var filled = await FillAsync(gateway, 41);
        await EndAsync(gateway, 42, 43, 44);
        var resting = RestingBuy(45);
        gateway.Tell(Approved(resting));
        Expect<OrderAccepted>(Symbols, a => a.ClientOrderId == resting.ClientOrderId);
        var tradeQueries = Exchange.Requests("GET", UserTradesPath).Count;
        Kill(gateway);

        // act
        var restarted = StartGateway(Settings);

        // assert: the trades are asked from the one after the dropped order's fill, and nothing old is delivered again
        var queries = Exchange.Requests("GET", UserTradesPath).Skip(tradeQueries).Select(r => r.Query).ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, query => Assert.Contains($"fromId={filled.Fill.TradeId.Value + 1}", query, StringComparison.Ordinal)); // <--
        Assert.DoesNotContain(Symbols.ReceiveWhile(TimeSpan.FromMilliseconds(500), m => m), m => m is OrderFilled);
        Assert.Single((await restarted.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience)).OpenOrders);
    }

    [Fact]
    public async Task Should_cancel_rather_than_adopt_an_open_order_older_than_the_ones_it_dropped()
    {
        // arrange: four orders end, so the first is dropped; then an older id of the same strategy appears at the venue
        var settings = Settings with { UnknownOrders = UnknownOrderPolicy.Adopt };
        var gateway = StartGateway(settings);
        await EndAsync(gateway, 52, 53, 54, 55);
        Kill(gateway);
        var stranger = RestingBuy(51, 90_051.0m);
        await Exchange.PlaceDirectlyAsync(stranger);

        // act
        var restarted = StartGateway(settings);

        // assert: never taken into the journal (it could not be told from a dropped order), cancelled instead
        await AwaitAssertAsync(async () => Assert.Equal("CANCELED", await Exchange.StatusAsync(stranger.ClientOrderId)), Patience); // <--
        Assert.Empty((await restarted.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience)).OpenOrders);
        Assert.Contains(AuditTrail, e => e.ClientOrderId == stranger.ClientOrderId && e.Detail.Contains("dropped it as ended", StringComparison.Ordinal));
    }

    // Places a buy the market reaches, lets it fill and waits for the fill.
    private async Task<(OrderIntent Intent, Fill Fill)> FillAsync(IActorRef gateway, long sequence)
    {
        var intent = FillingBuy(sequence);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols, a => a.ClientOrderId == intent.ClientOrderId);
        await Exchange.StepAsync(4);
        var fill = Expect<OrderFilled>(Symbols, f => f.ClientOrderId == intent.ClientOrderId).Fill;
        return (intent, fill);
    }

    // Places resting buys and cancels them.
    private Task EndAsync(IActorRef gateway, params long[] sequences)
    {
        foreach (var sequence in sequences)
        {
            var intent = RestingBuy(sequence, 90_000.0m + sequence);
            gateway.Tell(Approved(intent));
            Expect<OrderAccepted>(Symbols, a => a.ClientOrderId == intent.ClientOrderId);
            gateway.Tell(new CancelOrder(Btc, intent.ClientOrderId, "spec"));
            Expect<OrderCanceled>(Symbols, c => c.ClientOrderId == intent.ClientOrderId);
        }

        return Task.CompletedTask;
    }

    private OrderStatusReport Report(IActorRef gateway, OrderIntent intent)
    {
        gateway.Tell(new GetOrderReports(Btc, TestKit.TestOrders.Grid, [intent.ClientOrderId]), TestActor);
        return ExpectMsg<OrderReports>(Patience).Reports.Single();
    }
}
