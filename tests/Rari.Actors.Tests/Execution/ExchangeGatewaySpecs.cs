using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Rari.Actors.Execution;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Execution.SimulatedExchange;

namespace Rari.Actors.Tests.Execution;

/// <summary>The gateway trading against the real simulated exchange: submit once, deliver every fact, survive faults.</summary>
public sealed class ExchangeGatewaySpecs(ITestOutputHelper output) : GatewayTestKit(output)
{
    private static readonly string NewOrderPath = "/fapi/v1/order";

    [Fact]
    public async Task Should_deliver_the_acceptance_and_the_fill_to_the_symbols_and_the_risk_gate()
    {
        // arrange
        var gateway = StartGateway();
        var intent = FillingBuy(1);

        // act
        gateway.Tell(Approved(intent));
        var accepted = Expect<OrderAccepted>(Symbols);
        await Exchange.StepAsync(4);

        // assert
        var fill = Expect<OrderFilled>(Symbols).Fill;
        Assert.Equal(intent.ClientOrderId, accepted.ClientOrderId);
        Assert.Equal((intent.ClientOrderId, 0.010m, 94_660.0m, accepted.VenueOrderId), (fill.ClientOrderId, fill.Quantity, fill.Price, fill.VenueOrderId));
        Assert.Equal(intent.ClientOrderId, Expect<OrderAccepted>(Risk).ClientOrderId);
        Assert.Equal(fill, Expect<OrderFilled>(Risk).Fill);
        Assert.Equal("FILLED", await Exchange.StatusAsync(intent.ClientOrderId));
        Assert.Contains(AuditTrail, e => e.Kind == Audit.AuditKind.Submission && e.ClientOrderId == intent.ClientOrderId);
        Assert.Contains(AuditTrail, e => e.Kind == Audit.AuditKind.Fill && e.ClientOrderId == intent.ClientOrderId);
    }

    [Fact]
    public async Task Should_send_one_order_for_an_approved_order_that_arrives_twice()
    {
        // arrange
        var gateway = StartGateway();
        var intent = RestingBuy(2);

        // act
        gateway.Tell(Approved(intent));
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols); // <-- the repeat is answered with what is known

        // assert
        Assert.Single(await Exchange.OrdersAsync(intent.ClientOrderId));
        Assert.Single(Exchange.Requests("POST", NewOrderPath), r => r.Body.Contains(intent.ClientOrderId.Value, StringComparison.Ordinal) || r.Query.Contains(intent.ClientOrderId.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_find_an_order_answered_with_unknown_status_by_its_client_order_id_without_sending_it_again()
    {
        // arrange: the venue processes new orders but answers 503 "execution status unknown"
        var gateway = StartGateway();
        var intent = RestingBuy(3);
        await Exchange.SetFaultsAsync($$"""{"unknownStatusRate":1.0,"pathContains":"{{NewOrderPath}}"}""");

        // act
        gateway.Tell(Approved(intent));
        await AwaitAssertAsync(async () => Assert.Single(await Exchange.OrdersAsync(intent.ClientOrderId)), Patience);
        await Exchange.SetFaultsAsync("""{"unknownStatusRate":0.0}""");

        // assert
        Assert.Equal(intent.ClientOrderId, Expect<OrderAccepted>(Symbols).ClientOrderId);
        Assert.Single(await Exchange.OrdersAsync(intent.ClientOrderId));
        Assert.Single(Exchange.Requests("POST", NewOrderPath));
        await AwaitAssertAsync(async () => Assert.Equal(1, (await gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience)).UnknownOutcomes), Patience);
    }

    [Fact]
    public async Task Should_record_an_order_the_venue_never_processed_as_not_placed()
    {
        // arrange: the venue answers 500 without processing anything on the order path
        var gateway = StartGateway();
        var intent = RestingBuy(4);
        await Exchange.SetFaultsAsync($$"""{"serverErrorRate":1.0,"pathContains":"{{NewOrderPath}}"}""");

        // act
        gateway.Tell(Approved(intent));
        await AwaitAssertAsync(() => Assert.NotEmpty(Exchange.Requests("POST", NewOrderPath)), Patience);
        await Exchange.SetFaultsAsync("""{"serverErrorRate":0.0}""");

        // assert: refused as never placed once its acceptance window is over, and never sent again
        var rejected = Expect<OrderRejected>(Symbols);
        Assert.Equal((intent.ClientOrderId, Reconciler.NotPlacedCode), (rejected.ClientOrderId, rejected.Code));
        Assert.Empty(await Exchange.OrdersAsync(intent.ClientOrderId));
        Assert.Single(Exchange.Requests("POST", NewOrderPath));
    }

    [Fact]
    public async Task Should_report_an_order_it_never_received_as_lost_and_refuse_it_when_it_arrives_later()
    {
        // arrange
        var gateway = StartGateway();
        var intent = RestingBuy(5);

        // act
        gateway.Tell(new GetOrderReports(Btc, TestKit.TestOrders.Grid, [intent.ClientOrderId]));
        var report = ExpectMsg<OrderReports>(Patience).Reports.Single();
        gateway.Tell(Approved(intent));

        // assert
        Assert.Null(report.Status);
        var denied = Expect<OrderDenied>(Symbols);
        Assert.Equal(intent.ClientOrderId, denied.ClientOrderId);
        Assert.Contains("declared it lost", denied.Reason, StringComparison.Ordinal);
        Assert.Empty(await Exchange.OrdersAsync(intent.ClientOrderId));
    }

    [Fact]
    public async Task Should_cancel_an_order_at_the_venue_and_report_it_cancelled()
    {
        // arrange
        var gateway = StartGateway();
        var intent = RestingBuy(6);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols);

        // act
        gateway.Tell(new CancelOrder(Btc, intent.ClientOrderId, "grid recentred"));

        // assert
        Assert.Equal(intent.ClientOrderId, Expect<OrderCanceled>(Symbols).ClientOrderId);
        Assert.Equal("CANCELED", await Exchange.StatusAsync(intent.ClientOrderId));
        Assert.Empty((await gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience)).OpenOrders);
    }

    [Fact]
    public async Task Should_withdraw_a_cancelled_order_it_never_received_and_refuse_it_later()
    {
        // arrange
        var gateway = StartGateway();
        var intent = RestingBuy(7);

        // act
        gateway.Tell(new CancelOrder(Btc, intent.ClientOrderId, "changed its mind"));
        Expect<OrderCanceled>(Symbols);
        gateway.Tell(Approved(intent));

        // assert
        Expect<OrderDenied>(Symbols, d => d.ClientOrderId == intent.ClientOrderId);
        Assert.Empty(await Exchange.OrdersAsync(intent.ClientOrderId));
    }

    [Fact]
    public async Task Should_deliver_a_fill_that_a_stalled_user_stream_never_sent()
    {
        // arrange: the user stream stalls with its socket open, so no disconnect tells the gateway it is deaf
        var gateway = StartGateway(TestSettings with { UserStreamStaleAfter = TimeSpan.FromSeconds(2) });
        var intent = FillingBuy(9);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StallStreamsAsync();

        // act: the market fills the order while the stream says nothing
        await Exchange.StepAsync(4);

        // assert: the silence was checked against the venue
        Assert.Equal("FILLED", await Exchange.StatusAsync(intent.ClientOrderId));
        Assert.Equal(intent.ClientOrderId, Expect<OrderFilled>(Symbols).ClientOrderId);

        // the finding is audited right after the fill is delivered, so wait for it rather than read at once
        AwaitAssert(() => Assert.Contains(AuditTrail, e => e.Kind == Audit.AuditKind.Reconciliation && e.ClientOrderId == intent.ClientOrderId), Patience);
    }

    [Fact]
    public async Task Should_send_nothing_when_the_journal_cannot_write_the_submission()
    {
        // arrange
        var gateway = StartGateway();
        var journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
        await journal.OnWrite.Fail();
        var watcher = CreateTestProbe();
        watcher.Watch(gateway);

        // act
        gateway.Tell(Approved(RestingBuy(8)));

        // assert: the gateway stops, and the venue never heard of the order
        watcher.ExpectTerminated(gateway, Patience);
        Assert.Empty(Exchange.Requests("POST", NewOrderPath));
        Assert.Empty(await Exchange.OrdersAsync(RestingBuy(8).ClientOrderId));
    }

    [Fact]
    public void Should_refuse_an_order_for_a_symbol_it_does_not_trade_without_sending_it()
    {
        // arrange
        var gateway = StartGateway();
        var doge = new Symbol("DOGEUSDT");
        var intent = OrderIntent.Create(
            TestKit.TestOrders.Ids.Create(TestKit.TestOrders.Grid, doge, 1), TestKit.TestOrders.Grid, doge, OrderSide.Buy, OrderType.Limit, 100m, price: 0.1m, timeInForce: TimeInForce.Gtc);

        // act
        gateway.Tell(Approved(intent));

        // assert
        Assert.Contains("not traded", Expect<OrderDenied>(Symbols).Reason, StringComparison.Ordinal);
        Assert.Empty(Exchange.Requests("POST", NewOrderPath));
    }
}
