using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.Settings;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Execution.SimulatedExchange;

namespace Rari.Actors.Tests.Execution;

/// <summary>The gateway under the risk gate's commands, the dead-man's switch, shutdown, and stream gaps.</summary>
public sealed class ExchangeGatewayControlSpecs(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public async Task Should_cancel_entry_orders_and_keep_exits_when_the_risk_gate_says_so()
    {
        // arrange: a long of 0.010 with a reduce-only exit above the market, and a resting entry
        var gateway = StartGateway();
        var filled = FillingBuy(21);
        gateway.Tell(Approved(filled));
        Expect<OrderAccepted>(Symbols, a => a.ClientOrderId == filled.ClientOrderId);
        await Exchange.StepAsync(4);
        Expect<OrderFilled>(Symbols);
        var exit = OrderIntent.Create(
            TestKit.TestOrders.Ids.Create(TestKit.TestOrders.Grid, Btc, 22), TestKit.TestOrders.Grid, Btc, OrderSide.Sell, OrderType.Limit, 0.010m,
            price: 120_000.0m, timeInForce: TimeInForce.Gtc, reduceOnly: true);
        var entry = RestingBuy(23);
        gateway.Tell(Approved(exit));
        gateway.Tell(Approved(entry));
        ExpectEach<OrderAccepted>(Symbols, exit.ClientOrderId, entry.ClientOrderId);

        // act
        gateway.Tell(new CancelEntryOrders(null, "daily loss limit"));

        // assert
        Assert.Equal(entry.ClientOrderId, Expect<OrderCanceled>(Symbols).ClientOrderId);
        Assert.Equal("CANCELED", await Exchange.StatusAsync(entry.ClientOrderId));
        Assert.Equal("NEW", await Exchange.StatusAsync(exit.ClientOrderId));
    }

    [Fact]
    public async Task Should_close_a_position_with_a_reduce_only_market_order_when_the_risk_gate_says_so()
    {
        // arrange: a long of 0.010
        var gateway = StartGateway();
        gateway.Tell(Approved(FillingBuy(24)));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StepAsync(4);
        Expect<OrderFilled>(Symbols);

        // act
        gateway.Tell(new ClosePositions(Btc, "flatten"));

        // assert
        var close = Expect<OrderFilled>(Symbols).Fill;
        Assert.Equal((OrderSide.Sell, 0.010m), (close.Side, close.Quantity));
        Assert.StartsWith("rari-risk-BTCUSDT-", close.ClientOrderId.Value, StringComparison.Ordinal);
        var positions = await Exchange.Rest.GetPositionRiskAsync(Btc);
        Assert.All(positions, p => Assert.Equal(0m, p.PositionAmt));
    }

    [Fact]
    public async Task Should_drop_a_position_from_the_account_view_when_a_fill_closes_it()
    {
        // arrange: a long of 0.010, seen in the account view
        var gateway = StartGateway();
        gateway.Tell(Approved(FillingBuy(30)));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StepAsync(4);
        Expect<OrderFilled>(Symbols);
        Expect<Publish>(Mediator, p => p.Message is AccountChanged a && a.Positions.Any(q => q.Symbol == Btc && q.Quantity == 0.010m));

        // act: Aster's ACCOUNT_UPDATE after the closing fill lists no BTCUSDT position at all
        gateway.Tell(new ClosePositions(Btc, "flatten"));
        Expect<OrderFilled>(Symbols);

        // assert
        var flat = Expect<Publish>(Mediator, p => p.Message is AccountChanged a && a.Positions.All(q => q.Symbol != Btc)); // <--
        Assert.Equal(Topics.Account, flat.Topic);
        var status = await gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience);
        Assert.DoesNotContain(status.Account!.Positions, q => q.Symbol == Btc);
    }

    [Fact]
    public async Task Should_list_its_open_entry_orders_but_not_its_exits_for_the_risk_gate()
    {
        // arrange: a long (so a reduce-only exit can rest), then a resting entry and a resting exit far from the market
        var gateway = StartGateway();
        gateway.Tell(Approved(FillingBuy(34)));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StepAsync(4);
        Expect<OrderFilled>(Symbols);
        var entry = RestingBuy(31);
        var exit = OrderIntent.Create(
            TestKit.TestOrders.Ids.Create(TestKit.TestOrders.Grid, Btc, 32), TestKit.TestOrders.Grid, Btc, OrderSide.Sell, OrderType.Limit, 0.010m,
            price: 150_000.0m, timeInForce: TimeInForce.Gtc, reduceOnly: true);
        gateway.Tell(Approved(entry));
        gateway.Tell(Approved(exit));
        ExpectEach<OrderAccepted>(Symbols, entry.ClientOrderId, exit.ClientOrderId);

        // act
        var open = await gateway.Ask<OpenEntryOrders>(GetOpenEntryOrders.Instance, Patience);

        // assert
        var listed = Assert.Single(open.Orders); // <-- the exit never counts as exposure
        Assert.Equal((entry.ClientOrderId, 0m), (listed.Intent.ClientOrderId, listed.FilledQuantity));
    }

    [Fact]
    public void Should_tell_the_risk_gate_the_order_rate_usage_after_a_submission()
    {
        // arrange
        var gateway = StartGateway();

        // act
        gateway.Tell(Approved(RestingBuy(33)));

        // assert
        var usage = Expect<OrderRateObserved>(Risk, o => o.Used >= 1);
        Assert.True(usage.Limit > 0 && usage.Used <= usage.Limit, $"{usage.Used} of {usage.Limit}");
    }

    [Fact]
    public void Should_arm_the_countdown_while_healthy_and_disarm_it_when_stopped_with_orders_left()
    {
        // arrange
        var settings = TestSettings with { DeadMansSwitch = true, CountdownInterval = TimeSpan.FromMilliseconds(200), Countdown = TimeSpan.FromMinutes(10) };
        var gateway = StartGateway(settings);
        AwaitAssert(() => Assert.Contains(Exchange.Requests("POST", "/fapi/v1/countdownCancelAll"), r => Sent(r, "countdownTime=600000")), Patience);

        // act
        var watcher = CreateTestProbe();
        watcher.Watch(gateway);
        gateway.Tell(StopGateway.Instance);
        watcher.ExpectTerminated(gateway, Patience);

        // assert: the last word on every symbol is "disarmed"
        var last = Exchange.Requests("POST", "/fapi/v1/countdownCancelAll").GroupBy(r => SymbolOf(r)).Select(g => g.Last()).ToList();
        Assert.Equal(Exchange.Catalog.Symbols.Count, last.Count);
        Assert.All(last, r => Assert.True(Sent(r, "countdownTime=0"), r.Query + r.Body));
    }

    [Fact]
    public async Task Should_cancel_open_orders_and_refuse_new_ones_when_stopped_with_cancel()
    {
        // arrange
        var gateway = StartGateway(TestSettings with { OpenOrdersOnShutdown = ShutdownOrders.Cancel });
        var resting = RestingBuy(25);
        gateway.Tell(Approved(resting));
        Expect<OrderAccepted>(Symbols);

        // act
        var watcher = CreateTestProbe();
        watcher.Watch(gateway);
        gateway.Tell(StopGateway.Instance);
        gateway.Tell(Approved(RestingBuy(26)));
        watcher.ExpectTerminated(gateway, Patience);

        // assert
        Assert.Equal("CANCELED", await Exchange.StatusAsync(resting.ClientOrderId));
        Assert.Empty(await Exchange.OrdersAsync(RestingBuy(26).ClientOrderId));
        Assert.Contains("shutting down", Expect<OrderDenied>(Symbols).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_recover_a_fill_missed_while_the_user_stream_was_down()
    {
        // arrange: the order rests, then the stream stalls (sends nothing) while the market fills it
        var gateway = StartGateway();
        var intent = FillingBuy(27);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StallStreamsAsync();
        await Exchange.StepAsync(4);

        // act: the stalled connection is dropped; the stream reconnects and the gateway reconciles
        await Exchange.DropStreamsAsync();
        await Exchange.ResumeStreamsAsync();

        // assert
        var fill = Expect<OrderFilled>(Symbols).Fill;
        Assert.Equal((intent.ClientOrderId, 0.010m), (fill.ClientOrderId, fill.Quantity));
        AwaitAssert(() => Assert.True(gateway.Ask<GatewayStatus>(GetGatewayStatus.Instance, Patience).Result.OpenOrders.Count == 0), Patience);
    }

    [Fact]
    public async Task Should_learn_that_a_cancelled_order_had_already_filled()
    {
        // arrange: the order fills while the user stream is stalled, so the gateway still holds it open
        var gateway = StartGateway();
        var intent = FillingBuy(28);
        gateway.Tell(Approved(intent));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StallStreamsAsync();
        await Exchange.StepAsync(4);

        // act: the cancel finds nothing to cancel (-2011); the stream comes back
        gateway.Tell(new Domain.Strategies.CancelOrder(Btc, intent.ClientOrderId, "spec"));
        var rejected = Expect<OrderCancelRejected>(Symbols);
        await Exchange.DropStreamsAsync();
        await Exchange.ResumeStreamsAsync();

        // assert
        Assert.Equal((intent.ClientOrderId, -2011), (rejected.ClientOrderId, rejected.Code));
        Assert.Equal(intent.ClientOrderId, Expect<OrderFilled>(Symbols).ClientOrderId);
        Assert.Equal("FILLED", await Exchange.StatusAsync(intent.ClientOrderId));
    }

    [Fact]
    public void Should_publish_the_account_after_reconciling()
    {
        // act
        StartGateway();

        // assert
        var published = Expect<Publish>(Mediator, p => p.Topic == Topics.Account);
        var account = Assert.IsType<AccountChanged>(published.Message);
        Assert.True(account.WalletBalance > 0m);
        Assert.Empty(account.Positions);
    }

    [Fact]
    public async Task Should_order_account_views_by_revision_and_date_them_by_the_venue_never_by_the_local_clock()
    {
        // arrange: the simulator replays 2025 in market time while it answers REST in wall-clock time
        var gateway = StartGateway();
        var first = Assert.IsType<AccountChanged>(Expect<Publish>(Mediator, p => p.Topic == Topics.Account).Message);

        // act
        gateway.Tell(Approved(FillingBuy(29)));
        Expect<OrderAccepted>(Symbols);
        await Exchange.StepAsync(4);
        var fill = Expect<OrderFilled>(Symbols);
        var second = Assert.IsType<AccountChanged>(
            Expect<Publish>(Mediator, p => p.Message is AccountChanged a && a.Positions.Count > 0).Message);

        // assert
        var aDayAgoMs = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();
        Assert.True(first.TimestampMs < aDayAgoMs, $"the first view is dated {first.TimestampMs}, by the local clock"); // <--
        Assert.True(second.TimestampMs >= fill.Fill.TimestampMs && second.TimestampMs < aDayAgoMs, $"the second view is dated {second.TimestampMs}");
        Assert.True(first.Revision > 0 && second.Revision > first.Revision, $"revisions {first.Revision} then {second.Revision}");
        Assert.True(first.IsOlderThan(second));
        Assert.False(second.IsOlderThan(first));
    }

    private static bool Sent(Aster.Sim.Admin.RequestLogEntry request, string parameter) =>
        (request.Query + "&" + request.Body).Split('&').Contains(parameter);

    private static string SymbolOf(Aster.Sim.Admin.RequestLogEntry request) =>
        (request.Query + "&" + request.Body).Split('&').Single(p => p.StartsWith("symbol=", StringComparison.Ordinal));
}
