using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Domain.Execution;
using Rari.Domain.Orders;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Execution.SimulatedExchange;

namespace Rari.Actors.Tests.Execution;

/// <summary>
/// The gateway stopped as a crash would and started again with the same journal: it rebuilds its orders and reconciles
/// them with what the exchange did meanwhile.
/// </summary>
public sealed class ExchangeGatewayRecoverySpecs(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public async Task Should_rebuild_the_same_orders_after_a_restart_without_sending_anything_again()
    {
        // arrange: one order resting, one cancelled
        var gateway = StartGateway();
        var resting = RestingBuy(11);
        var cancelled = RestingBuy(12, 89_000.0m);
        gateway.Tell(Approved(resting));
        gateway.Tell(Approved(cancelled));
        ExpectEach<OrderAccepted>(Symbols, resting.ClientOrderId, cancelled.ClientOrderId);
        gateway.Tell(new Domain.Strategies.CancelOrder(Btc, cancelled.ClientOrderId, "spec"));
        Expect<OrderCanceled>(Symbols, c => c.ClientOrderId == cancelled.ClientOrderId);
        var before = Reports(gateway, resting, cancelled);
        var posts = Exchange.Requests("POST", "/fapi/v1/order").Count;

        // act
        Kill(gateway);
        var restarted = StartGateway();

        // assert
        Assert.Equal(before, Reports(restarted, resting, cancelled));
        Assert.Equal([OrderStatus.Accepted, OrderStatus.Canceled], before.Select(r => r.Status));
        Assert.Equal(posts, Exchange.Requests("POST", "/fapi/v1/order").Count);
        Assert.Single((await restarted.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience)).OpenOrders);
    }

    [Fact]
    public async Task Should_rebuild_the_same_orders_from_a_snapshot()
    {
        // arrange: a snapshot after every two events
        var settings = TestSettings with { SnapshotEvery = 2 };
        var gateway = StartGateway(settings);
        var first = RestingBuy(13);
        var second = RestingBuy(14, 89_500.0m);
        gateway.Tell(Approved(first));
        gateway.Tell(Approved(second));
        ExpectEach<OrderAccepted>(Symbols, first.ClientOrderId, second.ClientOrderId);
        var before = Reports(gateway, first, second);

        // act
        Kill(gateway);
        var restarted = StartGateway(settings);

        // assert
        Assert.Equal(before, Reports(restarted, first, second));
        Assert.Equal(2, (await restarted.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience)).OpenOrders.Count);
    }

    [Fact]
    public async Task Should_deliver_the_fills_that_happened_while_it_was_down()
    {
        // arrange
        var gateway = StartGateway();
        var intent = FillingBuy(15);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols);
        Kill(gateway);

        // act: the market reaches the order while no gateway runs
        await Exchange.StepAsync(4);
        Assert.Equal("FILLED", await Exchange.StatusAsync(intent.ClientOrderId));
        var restarted = StartGateway();

        // assert
        var fill = Expect<OrderFilled>(Symbols).Fill;
        Assert.Equal((intent.ClientOrderId, 0.010m, 94_660.0m), (fill.ClientOrderId, fill.Quantity, fill.Price));
        Assert.Equal(fill, Expect<OrderFilled>(Risk).Fill);
        Assert.Equal(OrderStatus.Filled, Reports(restarted, intent).Single().Status);
        Assert.Contains(AuditTrail, e => e.Kind == Audit.AuditKind.Reconciliation && e.ClientOrderId == intent.ClientOrderId);
    }

    [Fact]
    public async Task Should_cancel_an_open_order_with_our_prefix_that_the_journal_does_not_know()
    {
        // arrange: another process placed an order under our prefix
        var stranger = RestingBuy(16);
        await Exchange.PlaceDirectlyAsync(stranger);

        // act
        StartGateway();

        // assert
        await AwaitAssertAsync(async () => Assert.Equal("CANCELED", await Exchange.StatusAsync(stranger.ClientOrderId)), Patience);
        Assert.Contains(AuditTrail, e => e.Kind == Audit.AuditKind.Reconciliation && e.ClientOrderId == stranger.ClientOrderId);
    }

    [Fact]
    public async Task Should_adopt_an_open_order_with_our_prefix_when_told_to()
    {
        // arrange
        var stranger = RestingBuy(17);
        await Exchange.PlaceDirectlyAsync(stranger);

        // act
        var gateway = StartGateway(TestSettings with { UnknownOrders = UnknownOrderPolicy.Adopt });

        // assert
        Assert.Equal(stranger.ClientOrderId, Expect<OrderAccepted>(Symbols).ClientOrderId);
        Assert.Equal(OrderStatus.Accepted, Reports(gateway, stranger).Single().Status);
        Assert.Equal("NEW", await Exchange.StatusAsync(stranger.ClientOrderId));
    }

    [Fact]
    public async Task Should_resolve_a_submission_whose_answer_the_journal_never_got()
    {
        // arrange: the previous incarnation journaled the submission and died after the request left
        var intent = RestingBuy(18);
        Seed("gateway-demo", new SubmissionStarted(intent, "spec", 0, Exchange.Rest.Transport.Clock.NowMs));
        await Exchange.PlaceDirectlyAsync(intent);

        // act
        var gateway = StartGateway();

        // assert: found by its client order id, and never sent again
        Assert.Equal(intent.ClientOrderId, Expect<OrderAccepted>(Symbols).ClientOrderId);
        Assert.Equal(OrderStatus.Accepted, Reports(gateway, intent).Single().Status);
        Assert.Single(await Exchange.OrdersAsync(intent.ClientOrderId));
        Assert.Single(Exchange.Requests("POST", "/fapi/v1/order"));
    }

    [Fact]
    public async Task Should_record_a_submission_that_never_reached_the_venue_as_not_placed()
    {
        // arrange: the previous incarnation journaled the submission a minute ago and died before the request left
        var intent = RestingBuy(19);
        Seed("gateway-demo", new SubmissionStarted(intent, "spec", 0, Exchange.Rest.Transport.Clock.NowMs - 60_000));

        // act
        var gateway = StartGateway();

        // assert
        var rejected = Expect<OrderRejected>(Symbols);
        Assert.Equal((intent.ClientOrderId, Reconciler.NotPlacedCode), (rejected.ClientOrderId, rejected.Code));
        Assert.Equal(OrderStatus.Rejected, Reports(gateway, intent).Single().Status);
        Assert.Empty(await Exchange.OrdersAsync(intent.ClientOrderId));
        Assert.Empty(Exchange.Requests("POST", "/fapi/v1/order"));
    }

    // Reports compare by value, fills included.
    private IReadOnlyList<Report> Reports(IActorRef gateway, params OrderIntent[] intents)
    {
        gateway.Tell(new GetOrderReports(Btc, TestKit.TestOrders.Grid, [.. intents.Select(i => i.ClientOrderId)]), TestActor);
        return [.. ExpectMsg<OrderReports>(Patience).Reports.Select(r => new Report(r.ClientOrderId.Value, r.Status, r.VenueOrderId?.Value, r.OrderQuantity, string.Join(";", r.Fills), r.Detail))];
    }

    private sealed record Report(string ClientOrderId, OrderStatus? Status, long? VenueOrderId, decimal? Quantity, string Fills, string? Detail);
}
