using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>How fills, funding and snapshots change one position.</summary>
public sealed class PositionSpecs
{
    private const string Btc = "BTCUSDT";
    private static readonly Symbol BtcSymbol = new(Btc);

    private static Position NewPosition(PositionSide side = PositionSide.Both, int leverage = 10, MarginType marginType = MarginType.Cross) =>
        new(BtcSymbol, side, leverage, marginType);

    [Fact]
    public void Should_open_a_long_at_the_fill_price()
    {
        // arrange
        var position = NewPosition();

        // act
        var result = position.Apply(TestFills.Buy(Btc, 0.5m, 30_000m, fee: 5.25m));

        // assert
        Assert.Equal(new FillResult(0m, 5.25m, 0m, 0.5m), result);
        Assert.Equal(0.5m, position.Quantity);
        Assert.Equal(30_000m, position.EntryPrice);
        Assert.Equal(15_000m, position.CostBasis);
        Assert.Equal(5.25m, position.FeesPaid);
        Assert.Equal(0m, position.RealizedPnl);
    }

    [Fact]
    public void Should_average_the_entry_price_over_increasing_fills()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 100m));

        // act
        position.Apply(TestFills.Buy(Btc, 3m, 104m));

        // assert
        Assert.Equal(4m, position.Quantity);
        Assert.Equal(103m, position.EntryPrice); // (100 + 312) / 4
    }

    [Fact]
    public void Should_realize_pnl_on_a_partial_close_and_keep_the_entry_price()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 100m));
        position.Apply(TestFills.Buy(Btc, 3m, 104m));

        // act
        var result = position.Apply(TestFills.Sell(Btc, 1m, 110m));

        // assert
        Assert.Equal(new FillResult(7m, 0m, 1m, 0m), result); // 1 × (110 − 103)
        Assert.Equal(3m, position.Quantity);
        Assert.Equal(103m, position.EntryPrice);
        Assert.Equal(7m, position.RealizedPnl);
        Assert.Equal(-9m, position.UnrealizedPnl(100m)); // 3 × (100 − 103)
    }

    [Fact]
    public void Should_close_the_old_side_fully_and_open_the_rest_at_the_fill_price_when_a_one_way_fill_flips()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 2m, 100m));

        // act
        var result = position.Apply(TestFills.Sell(Btc, 5m, 90m));

        // assert
        Assert.Equal(new FillResult(-20m, 0m, 2m, 3m), result); // 2 × (90 − 100)
        Assert.Equal(-3m, position.Quantity);
        Assert.Equal(90m, position.EntryPrice);
        Assert.Equal(-270m, position.CostBasis);
        Assert.Equal(-30m, position.UnrealizedPnl(100m)); // −3 × (100 − 90)
    }

    [Fact]
    public void Should_be_flat_with_no_entry_and_no_unrealized_pnl_after_a_full_close()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 2m, 100m));

        // act
        var result = position.Apply(TestFills.Sell(Btc, 2m, 105m));

        // assert
        Assert.Equal(10m, result.RealizedPnl);
        Assert.False(position.IsOpen);
        Assert.Equal(0m, position.EntryPrice);
        Assert.Equal(0m, position.CostBasis);
        Assert.Equal(0m, position.UnrealizedPnl(123_456m));
        Assert.Equal(0m, position.Notional(123_456m));
    }

    [Fact]
    public void Should_account_a_short_with_the_signs_reversed()
    {
        // arrange
        var position = NewPosition();
        position.Apply(TestFills.Sell(Btc, 2m, 200m));
        position.Apply(TestFills.Sell(Btc, 2m, 210m));

        // act
        var cover = position.Apply(TestFills.Buy(Btc, 1m, 190m));
        var unrealized = position.UnrealizedPnl(215m);
        var close = position.Apply(TestFills.Buy(Btc, 3m, 220m));

        // assert
        Assert.Equal(15m, cover.RealizedPnl);   // 1 × (190 − 205) × −1
        Assert.Equal(-30m, unrealized);         // −3 × (215 − 205)
        Assert.Equal(-45m, close.RealizedPnl);  // 3 × (220 − 205) × −1
        Assert.Equal(-30m, position.RealizedPnl);
        Assert.False(position.IsOpen);
    }

    [Fact]
    public void Should_conserve_cash_exactly_when_the_average_entry_does_not_terminate()
    {
        // arrange: entry (100 + 202) / 3 = 100.666…, which no decimal holds exactly
        var position = NewPosition();
        position.Apply(TestFills.Buy(Btc, 1m, 100m));
        position.Apply(TestFills.Buy(Btc, 2m, 101m));

        // act
        var first = position.Apply(TestFills.Sell(Btc, 1m, 102m));
        var second = position.Apply(TestFills.Sell(Btc, 2m, 102m));

        // assert: the closed third of the cost is quantized to 16 places, the rest stays in the position
        Assert.Equal(1.3333333333333333m, first.RealizedPnl);
        Assert.Equal(2.6666666666666667m, second.RealizedPnl);
        Assert.Equal(4m, position.RealizedPnl); // −100 − 202 + 306: the exact trading cash flow  // <--
        Assert.Equal(0m, position.CostBasis);
    }

    [Theory]
    [InlineData(PositionSide.Long, OrderSide.Sell, 0)]
    [InlineData(PositionSide.Long, OrderSide.Sell, 1)]
    [InlineData(PositionSide.Short, OrderSide.Buy, 0)]
    [InlineData(PositionSide.Short, OrderSide.Buy, 1)]
    public void Should_reject_a_fill_that_takes_a_hedge_position_through_zero(PositionSide side, OrderSide closingSide, int openQuantity)
    {
        // arrange
        var position = NewPosition(side);
        var openingSide = closingSide == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
        if (openQuantity > 0)
        {
            position.Apply(TestFills.Create(Btc, openingSide, openQuantity, 100m, positionSide: side));
        }

        var before = position.ToSnapshot();

        // act
        var error = Assert.Throws<ArgumentException>(
            () => position.Apply(TestFills.Create(Btc, closingSide, openQuantity + 0.001m, 100m, fee: 1m, positionSide: side)));

        // assert
        Assert.Contains("hedge mode", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, position.ToSnapshot());
    }

    [Fact]
    public void Should_realize_pnl_on_hedge_legs_like_on_a_net_position()
    {
        // arrange
        var longLeg = NewPosition(PositionSide.Long);
        var shortLeg = NewPosition(PositionSide.Short);
        longLeg.Apply(TestFills.Buy(Btc, 1m, 100m, positionSide: PositionSide.Long));
        shortLeg.Apply(TestFills.Sell(Btc, 1m, 100m, positionSide: PositionSide.Short));

        // act
        var longClose = longLeg.Apply(TestFills.Sell(Btc, 1m, 110m, positionSide: PositionSide.Long));
        var shortCover = shortLeg.Apply(TestFills.Buy(Btc, 0.4m, 90m, positionSide: PositionSide.Short));

        // assert
        Assert.Equal(10m, longClose.RealizedPnl);
        Assert.Equal(4m, shortCover.RealizedPnl);
        Assert.Equal(0m, longLeg.Quantity);
        Assert.Equal(-0.6m, shortLeg.Quantity);
    }

    [Fact]
    public void Should_reject_a_fill_for_another_symbol_or_position_side_or_without_quantity()
    {
        // arrange
        var position = NewPosition();

        // act
        var otherSymbol = Record.Exception(() => position.Apply(TestFills.Buy("ETHUSDT", 1m, 100m)));
        var otherSide = Record.Exception(() => position.Apply(TestFills.Buy(Btc, 1m, 100m, positionSide: PositionSide.Long)));
        var noQuantity = Record.Exception(() => position.Apply(TestFills.Buy(Btc, 0m, 100m)));
        var noPrice = Record.Exception(() => position.Apply(TestFills.Buy(Btc, 1m, 0m)));

        // assert
        Assert.IsType<ArgumentException>(otherSymbol);
        Assert.IsType<ArgumentException>(otherSide);
        Assert.IsType<ArgumentException>(noQuantity);
        Assert.IsType<ArgumentException>(noPrice);
        Assert.Equal(0m, position.FeesPaid);
        Assert.False(position.IsOpen);
    }

    [Fact]
    public void Should_add_maker_and_taker_fees_and_subtract_rebates()
    {
        // arrange
        var position = NewPosition();

        // act
        var taker = position.Apply(TestFills.Buy(Btc, 1m, 30_000m, fee: 30_000m * 0.00035m, liquidity: LiquiditySide.Taker));
        var maker = position.Apply(TestFills.Sell(Btc, 1m, 31_000m, fee: 31_000m * 0.0001m, liquidity: LiquiditySide.Maker));
        position.Apply(TestFills.Buy(Btc, 1m, 30_000m, fee: -0.6m, liquidity: LiquiditySide.Maker));

        // assert
        Assert.Equal(-10.5m, taker.WalletChange);
        Assert.Equal(996.9m, maker.WalletChange); // 1,000 realized − 3.1 fee
        Assert.Equal(13m, position.FeesPaid);     // 10.5 + 3.1 − 0.6
    }

    [Theory]
    [InlineData(2, 0.0001, 0.02)]     // long, positive rate: pays
    [InlineData(2, -0.0001, -0.02)]   // long, negative rate: receives
    [InlineData(-2, 0.0001, -0.02)]   // short, positive rate: receives
    [InlineData(-2, -0.0001, 0.02)]   // short, negative rate: pays
    [InlineData(0, 0.0003, 0)]        // flat: nothing
    public void Should_pay_funding_as_quantity_times_mark_times_rate(double quantity, double rate, double expectedPaid)
    {
        // arrange
        var position = NewPosition();
        var qty = (decimal)quantity;
        if (qty != 0m)
        {
            position.Apply(TestFills.Create(Btc, qty > 0m ? OrderSide.Buy : OrderSide.Sell, Math.Abs(qty), 95m));
        }

        // act
        var paid = position.ApplyFunding((decimal)rate, 100m);

        // assert
        Assert.Equal((decimal)expectedPaid, paid);
        Assert.Equal((decimal)expectedPaid, position.FundingPaid);
    }

    [Fact]
    public void Should_restore_a_position_from_its_snapshot()
    {
        // arrange
        var position = NewPosition(leverage: 7, marginType: MarginType.Isolated);
        position.Apply(TestFills.Buy(Btc, 1m, 100m, fee: 0.035m));
        position.Apply(TestFills.Buy(Btc, 2m, 101m, fee: 0.0707m));
        position.Apply(TestFills.Sell(Btc, 1m, 103m, fee: 0.0103m));
        position.ApplyFunding(-0.0002m, 102m);
        var snapshot = position.ToSnapshot();

        // act
        var restored = Position.FromSnapshot(snapshot);

        // assert
        Assert.Equal(snapshot, restored.ToSnapshot());
        Assert.Equal(position.EntryPrice, restored.EntryPrice);
        Assert.Equal(snapshot.EntryPrice, position.EntryPrice);
        Assert.Equal(position.Apply(TestFills.Sell(Btc, 2m, 99m)), restored.Apply(TestFills.Sell(Btc, 2m, 99m)));
        Assert.Equal(position.ToSnapshot(), restored.ToSnapshot());
    }

    [Fact]
    public void Should_refuse_an_inconsistent_snapshot()
    {
        // arrange
        var longBelowZero = new PositionSnapshot(BtcSymbol, PositionSide.Long, -1m, -100m, 0m, 0m, 0m, 10, MarginType.Cross, 0m);
        var flatWithCost = new PositionSnapshot(BtcSymbol, PositionSide.Both, 0m, 5m, 0m, 0m, 0m, 10, MarginType.Cross, 0m);
        var crossWithWallet = new PositionSnapshot(BtcSymbol, PositionSide.Both, 1m, 100m, 0m, 0m, 0m, 10, MarginType.Cross, 10m);

        // act / assert
        Assert.Throws<ArgumentException>(() => Position.FromSnapshot(longBelowZero));
        Assert.Throws<ArgumentException>(() => Position.FromSnapshot(flatWithCost));
        Assert.Throws<ArgumentException>(() => Position.FromSnapshot(crossWithWallet));
        Assert.Throws<ArgumentOutOfRangeException>(() => Position.FromSnapshot(crossWithWallet with { Leverage = 126 }));
    }
}
