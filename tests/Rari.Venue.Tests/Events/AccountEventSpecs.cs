using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Events;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Events;

/// <summary>What the events carry: the order fields of ORDER_TRADE_UPDATE and the balances and positions of ACCOUNT_UPDATE.</summary>
public sealed class AccountEventSpecs
{
    [Fact]
    public void Should_follow_every_fill_with_an_account_update_of_the_balance_and_the_changed_position()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Place(Limit(OrderSide.Buy, 0.2m, 29_900m));
        venue.Drain();

        // act
        venue.Kline(30_000m, 30_000m, 29_800m, 29_950m);
        var events = venue.Drain();

        // assert
        Assert.Equal([typeof(OrderUpdated), typeof(AccountUpdated)], events.Select(e => e.GetType()));
        var update = (AccountUpdated)events[1];
        Assert.Equal(AccountUpdateReason.Order, update.Reason);
        Assert.Equal(new BalanceUpdate("USDT", 10_000m - 1.196m, 10_000m - 1.196m, 0m), update.Balance);
        Assert.Equal(
            new PositionUpdate(Btc, PositionSide.Both, 0.2m, 29_900m, 0m, -0.02m, MarginType.Cross, 0m), // valued at 29,899.9, where the path reached the bid
            Assert.Single(update.Positions));
    }

    [Fact]
    public void Should_report_the_realized_profit_and_accumulated_realized_of_a_closing_fill()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.2m, 30_000m);
        venue.Place(Limit(OrderSide.Sell, 0.1m, 30_500m));
        venue.Drain();

        // act
        venue.Kline(30_000m, 30_600m, 30_000m, 30_550m);
        var events = venue.Drain();

        // assert
        var trade = events.OfType<OrderUpdated>().Single().Trade!;
        Assert.Equal(50m, trade.RealizedProfit);
        var position = Assert.Single(events.OfType<AccountUpdated>().Single().Positions);
        Assert.Equal((0.1m, 30_000m, 50m), (position.Quantity, position.EntryPrice, position.AccumulatedRealized));
    }

    [Fact]
    public void Should_carry_the_order_fields_of_an_order_trade_update()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);
        venue.Drain();

        // act
        var stop = venue.Place(Stop(OrderSide.Sell, 0.1m, 29_500m) with { ReduceOnly = true, WorkingType = WorkingType.MarkPrice, ClientOrderId = "sl-1" });
        venue.Kline(30_000m, 30_000m, 29_400m, 29_450m);
        var updates = OrderUpdates(venue.Drain(), stop.OrderId.Value);

        // assert
        var accepted = updates[0].Order;
        Assert.Equal(
            (OrderType.StopMarket, OrderType.StopMarket, TimeInForce.Gtc, 29_500m, 0m, 0.1m, true, WorkingType.MarkPrice, false),
            (accepted.Type, accepted.OriginalType, accepted.TimeInForce, accepted.StopPrice, accepted.Price, accepted.OriginalQuantity,
             accepted.ReduceOnly, accepted.WorkingType, accepted.IsLiquidation));
        var filled = updates[1];
        Assert.Equal(ExecutionType.Trade, filled.Execution);
        Assert.Equal((OrderType.Market, OrderStatus.Filled, 0.1m, 29_499.9m), (filled.Order.Type, filled.Order.Status, filled.Order.ExecutedQuantity, filled.Order.AveragePrice));
        Assert.Equal("USDT", filled.Trade!.CommissionAsset);
        Assert.True(filled.Order.UpdateTimeMs > filled.Order.TimeMs);
    }

    [Fact]
    public void Should_list_user_trades_with_their_commission_and_realized_pnl()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);

        // act
        venue.Place(Market(OrderSide.Sell, 0.1m));
        var trades = venue.Venue.GetUserTrades(Alice, Btc).Value;

        // assert
        Assert.Equal(2, trades.Count);
        Assert.Equal((true, true, 0.6m, 0m), (trades[0].IsBuyer, trades[0].IsMaker, trades[0].Commission, trades[0].RealizedPnl));
        Assert.Equal((false, false, 29_999.9m, -0.01m), (trades[1].IsBuyer, trades[1].IsMaker, trades[1].Price, trades[1].RealizedPnl));
        Assert.Equal(2_999.99m * 0.0004m, trades[1].Commission);
    }
}
