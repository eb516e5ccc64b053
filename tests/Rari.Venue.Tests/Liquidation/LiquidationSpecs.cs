using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Liquidation;

/// <summary>
/// Liquidation at the maintenance margin, closing at the bankruptcy price with the liquidation fee (1.5 % on BTCUSDT),
/// after a margin call; isolated positions alone, cross positions together.
/// </summary>
public sealed class LiquidationSpecs
{
    // Isolated 10x long 0.1 @ 30,000 from 1,000 USDT: isolated wallet 300 − 0.6 fee = 299.4. Liquidated where
    // 299.4 + 0.1 × (p − 30,000) = 0.1 × p × 0.4 %, i.e. p = 2,700.6 / 0.0996 = 27,114.457831…
    private static VenueHarness IsolatedLong()
    {
        var venue = new VenueHarness(wallet: 1_000m);
        venue.Venue.ChangeMarginType(Alice, Btc, MarginType.Isolated);
        venue.Venue.ChangeLeverage(Alice, Btc, 10);
        venue.OpenAt(0.1m, 30_000m);
        venue.Drain();
        return venue;
    }

    [Fact]
    public void Should_estimate_the_isolated_liquidation_price_the_venue_liquidates_at()
    {
        // arrange
        var venue = IsolatedLong();

        // act
        var estimate = venue.Venue.GetPositionRisk(Alice, Btc).Value[0].LiquidationPrice;

        // assert
        Assert.Equal(27_114.457831m, decimal.Round(estimate, 6));
    }

    [Fact]
    public void Should_not_liquidate_an_isolated_position_just_above_its_liquidation_price()
    {
        // arrange
        var venue = IsolatedLong();

        // act
        venue.Kline(30_000m, 30_000m, 27_114.5m, 27_500m);

        // assert
        Assert.Empty(venue.Drain().OfType<PositionLiquidated>());
        Assert.Equal(0.1m, venue.Position());
    }

    [Fact]
    public void Should_liquidate_an_isolated_position_at_its_bankruptcy_price_with_the_fee_after_a_margin_call()
    {
        // arrange
        var venue = IsolatedLong();
        var resting = venue.Place(Limit(OrderSide.Buy, 0.1m, 20_000m));
        venue.Drain();

        // act
        venue.Kline(30_000m, 30_000m, 27_114.4m, 27_500m);
        var events = venue.Drain();

        // assert: the order of what happens
        Assert.Equal(
            [typeof(MarginCalled), typeof(OrderUpdated), typeof(OrderUpdated), typeof(AccountUpdated), typeof(PositionLiquidated)],
            events.Select(e => e.GetType()));
        Assert.Equal("Canceled/Canceled", Lifecycle(events, resting.OrderId.Value));

        // the liquidation order: bankruptcy price (3,000 − 299.4) / (0.1 × (1 − 1.5 %)) = 27,417.2588… rounded up
        var liquidation = events.OfType<OrderUpdated>().Single(e => e.Execution == ExecutionType.Calculated);
        Assert.Equal("autoclose-1", liquidation.Order.ClientOrderId.Value);
        Assert.True(liquidation.Order.IsLiquidation);
        Assert.Equal((OrderSide.Sell, OrderStatus.Filled), (liquidation.Order.Side, liquidation.Order.Status));
        Assert.Equal(27_417.3m, liquidation.Trade!.Price);
        Assert.Equal(41.12595m, liquidation.Trade.Commission);   // 2,741.73 × 1.5 %
        Assert.Equal(-258.27m, liquidation.Trade.RealizedProfit);

        var liquidated = events.OfType<PositionLiquidated>().Single();
        Assert.Equal((MarginType.Isolated, 0.1m, 27_114.4m, 27_417.3m, 41.12595m),
            (liquidated.MarginType, liquidated.Quantity, liquidated.MarkPrice, liquidated.BankruptcyPrice, liquidated.LiquidationFee));

        // the account lost its isolated wallet and nothing more (a few ticks' rounding come back)
        Assert.Equal(700.00405m, venue.Wallet());
        Assert.Equal(0m, venue.Position());
        var income = venue.Venue.GetIncome(Alice, Btc).Value;
        Assert.Contains(income, i => i.Type == IncomeType.InsuranceClear && i.Income == -41.12595m);
        Assert.DoesNotContain(income, i => i.Type == IncomeType.Commission && i.TradeId == liquidation.Trade.TradeId);
    }

    [Fact]
    public void Should_send_a_margin_call_once_when_the_ratio_reaches_the_warning_level_and_again_after_it_recovers()
    {
        // arrange: at 27,140 the balance is 13.4 and the maintenance margin 10.856: ratio 0.81; the ratio stays at or
        // above 0.8 up to 27,141.708
        var venue = IsolatedLong();

        // act
        venue.Kline(30_000m, 30_000m, 27_140m, 27_141m);
        venue.Kline(27_141m, 27_141.5m, 27_139m, 27_141m);
        var first = venue.Drain().OfType<MarginCalled>().ToList();
        venue.Kline(27_145m, 29_000m, 27_145m, 29_000m);
        venue.Kline(29_000m, 29_000m, 27_140m, 27_145m);
        var again = venue.Drain().OfType<MarginCalled>().ToList();

        // assert
        var call = Assert.Single(first);
        var row = Assert.Single(call.Positions);
        Assert.Equal((0.1m, 299.4m, 27_140m, -286m, 10.856m), (row.Quantity, row.IsolatedWallet, row.MarkPrice, row.UnrealizedPnl, row.MaintenanceMargin));
        Assert.Single(again);
        Assert.Equal(0.1m, venue.Position());
    }

    [Fact]
    public void Should_measure_liquidation_at_the_mark_feed_once_there_is_one()
    {
        // arrange
        var venue = IsolatedLong();
        venue.Venue.OnMarkPrice(new MarkPriceUpdate(Btc, 30_000m, 30_000m, 30_000m, 0.0001m, 0, venue.NextKlineMs));

        // act: the last price crashes, the mark does not; then the mark does
        venue.Kline(30_000m, 30_000m, 27_000m, 27_100m);
        var afterKline = venue.Drain();
        venue.Venue.OnMarkPrice(new MarkPriceUpdate(Btc, 27_110m, 27_110m, 27_110m, 0.0001m, 0, venue.NextKlineMs));
        var afterMark = venue.Drain();

        // assert
        Assert.DoesNotContain(afterKline, e => e is PositionLiquidated or MarginCalled);
        var liquidated = afterMark.OfType<PositionLiquidated>().Single();
        Assert.Equal((27_110m, 27_417.3m), (liquidated.MarkPrice, liquidated.BankruptcyPrice));
    }

    // Cross 20x long 0.5 @ 30,000 from 1,000 USDT: wallet 997 after the fee. Liquidated where
    // 997 + 0.5 × (p − 30,000) = 0.5 × p × 0.4 %, i.e. p = 14,003 / 0.498 = 28,118.4738…
    [Fact]
    public void Should_liquidate_cross_positions_at_the_bankruptcy_price_and_cancel_orders_on_every_symbol()
    {
        // arrange
        var venue = new VenueHarness(wallet: 1_000m);
        var eth = TestInstruments.EthUsdt.Symbol;
        venue.Venue.AddInstrument(TestInstruments.EthUsdt);
        venue.OpenAt(0.5m, 30_000m);
        venue.Venue.OnKline(eth, new Kline(venue.NextKlineMs, 2_000m, 2_000m, 2_000m, 2_000m, 100m));
        var ethOrder = venue.Place(NewOrderRequestFor(eth, 0.01m, 1_500m));

        // act
        venue.Kline(30_000m, 30_000m, 28_118.5m, 28_500m);
        var survived = venue.Position();
        venue.Drain();
        venue.Kline(28_500m, 28_500m, 28_118.4m, 28_300m);
        var events = venue.Drain();

        // assert
        Assert.Equal(0.5m, survived);
        Assert.EndsWith("Canceled/Canceled", Lifecycle(events, ethOrder.OrderId.Value));
        var liquidated = events.OfType<PositionLiquidated>().Single();
        Assert.Equal((MarginType.Cross, 28_432.5m, 213.24375m), (liquidated.MarginType, liquidated.BankruptcyPrice, liquidated.LiquidationFee));
        Assert.Equal(0.00625m, venue.Wallet()); // 997 − 783.75 − 213.24375
        Assert.IsType<MarginCalled>(events[0]);
    }

    [Fact]
    public void Should_close_the_other_cross_symbols_at_their_mark_and_the_bankrupt_one_at_its_bankruptcy_price()
    {
        // arrange: BTC 0.5 @ 30,000 and ETH 5 @ 2,000, both cross 20x, from 2,000 USDT (1,995 after fees)
        var venue = new VenueHarness(wallet: 2_000m);
        var eth = TestInstruments.EthUsdt.Symbol;
        venue.Venue.AddInstrument(TestInstruments.EthUsdt);
        venue.OpenAt(0.5m, 30_000m);
        venue.Venue.OnKline(eth, new Kline(venue.NextKlineMs, 2_000m, 2_000m, 2_000m, 2_000m, 100m));
        venue.Place(NewOrderRequestFor(eth, 5m, 2_000m) with { Type = OrderType.Limit });
        venue.Venue.OnKline(eth, new Kline(venue.NextKlineMs, 2_000m, 2_000m, 1_999.99m, 2_000m, 100m));
        venue.Drain();

        // act: the cross balance meets the maintenance margin at BTC 26,214.86
        venue.Kline(30_000m, 30_000m, 26_214m, 26_500m);
        var liquidations = venue.Drain().OfType<PositionLiquidated>().ToList();

        // assert: ETH first at its mark (fee 150), then BTC at (15,000 − 1,845) / 0.4925 = 26,710.66 rounded up
        Assert.Equal([eth, Btc], liquidations.Select(l => l.Symbol));
        Assert.Equal([2_000m, 26_710.7m], liquidations.Select(l => l.BankruptcyPrice));
        Assert.Equal([150m, 200.33025m], liquidations.Select(l => l.LiquidationFee));
        Assert.Equal(0.01975m, venue.Wallet());
    }

    private static Venue.Orders.NewOrderRequest NewOrderRequestFor(Symbol symbol, decimal quantity, decimal price) =>
        Venue.Orders.NewOrderRequest.Limit(symbol, OrderSide.Buy, quantity, price);
}
