using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Streams;

/// <summary>The user stream carrying the simulated venue's own order events, mapped to the domain's order events.</summary>
public sealed class UserStreamOrderSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public async Task Should_deliver_an_order_from_acceptance_to_its_fill_and_map_it_to_domain_events()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions());
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();
        var start = sim.Server.Replay.DataStartMs;

        // act: a bid under the market, reached in the fourth minute
        var placed = await rest.PlaceOrderAsync(new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Buy,
            Type = AsterOrderType.Limit,
            Quantity = 0.010m,
            Price = 94_660.0m,
            TimeInForce = AsterTimeInForce.Gtc,
            ClientOrderId = new ClientOrderId("ws-fill-1"),
        });
        var accepted = await stream.Events.NextAsync<AsterUserStreamEvent, AsterOrderTradeUpdate>();
        await sim.StepAsync(4);
        var filled = await stream.Events.NextAsync<AsterUserStreamEvent, AsterOrderTradeUpdate>();
        var account = await stream.Events.NextAsync<AsterUserStreamEvent, AsterAccountUpdate>();

        // assert
        var orderId = new VenueOrderId(placed.Order!.OrderId);
        var fillTime = start + (3 * 60_000) + 40_000;
        Assert.Equal((AsterExecutionType.New, AsterOrderStatus.New, start), (accepted.Order.ExecutionType.Value, accepted.Order.Status.Value, accepted.EventTimeMs));
        Assert.Equal(new OrderAccepted(Btc, new ClientOrderId("ws-fill-1"), orderId, start), accepted.ToOrderEvent());
        Assert.Equal((AsterExecutionType.Trade, AsterOrderStatus.Filled, fillTime), (filled.Order.ExecutionType.Value, filled.Order.Status.Value, filled.EventTimeMs));
        Assert.Equal(
            new OrderFilled(new Fill(Btc, new ClientOrderId("ws-fill-1"), orderId, new TradeId(1), OrderSide.Buy, PositionSide.Both, 94_660.0m, 0.010m, 0.09466m, LiquiditySide.Maker, fillTime)),
            filled.ToOrderEvent());
        Assert.Equal(AsterAccountUpdateReason.Order, account.Reason.Value);
        Assert.Equal([new AsterBalanceUpdate("USDT", 4999.90534m, 4999.90534m, 0m)], account.Balances);
        Assert.Equal((Btc, 0.010m, 94_660.0m), (account.Positions.Single().Symbol, account.Positions.Single().PositionAmount, account.Positions.Single().EntryPrice));
    }

    [Fact]
    public async Task Should_deliver_a_cancellation_and_a_leverage_change()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterUserStream(rest, sim.UserOptions());
        stream.Start();
        await stream.Events.NextAsync<AsterUserStreamEvent, UserStreamConnected>();
        var id = new ClientOrderId("ws-cancel-1");

        // act
        await rest.PlaceOrderAsync(new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Buy,
            Type = AsterOrderType.Limit,
            Quantity = 0.010m,
            Price = 90_000.0m,
            TimeInForce = AsterTimeInForce.Gtc,
            ClientOrderId = id,
        });
        await rest.CancelOrderAsync(Btc, OrderReference.ByClientId(id));
        await rest.SetLeverageAsync(Btc, 7);
        var events = await stream.Events.CollectAsync(items => items.Count == 3);

        // assert
        var domain = events.OfType<AsterOrderTradeUpdate>().Select(u => u.ToOrderEvent()).ToList();
        Assert.IsType<OrderAccepted>(domain[0]);
        Assert.Equal(new OrderCanceled(Btc, id, sim.Server.Replay.DataStartMs), domain[1]);
        var leverage = Assert.IsType<AsterAccountConfigUpdate>(events[2]);
        Assert.Equal((Btc, 7), (leverage.Symbol, leverage.Leverage));
    }
}
