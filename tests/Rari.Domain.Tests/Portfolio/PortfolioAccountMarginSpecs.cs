using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>Account-level margin figures, settings guarded by open positions, and liquidation-price estimates.</summary>
public sealed class PortfolioAccountMarginSpecs
{
    private const string Btc = "BTCUSDT";
    private const string Eth = "ETHUSDT";
    private static readonly Symbol BtcSymbol = new(Btc);
    private static readonly Symbol EthSymbol = new(Eth);

    private static PortfolioAccount NewAccount(decimal wallet = 10_000m, PositionMode mode = PositionMode.OneWay) =>
        new(wallet, TestBrackets.For, mode);

    [Fact]
    public void Should_sum_initial_and_maintenance_margin_and_derive_the_available_balance()
    {
        // arrange: BTC cross 10x, ETH isolated 5x, 5,000 USDT of BTC orders open
        var account = NewAccount();
        account.SetLeverage(BtcSymbol, 10);
        account.SetLeverage(EthSymbol, 5);
        account.SetMarginType(EthSymbol, MarginType.Isolated);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m));
        account.ApplyFill(TestFills.Buy(Eth, 10m, 2_000m));
        account.SetOpenOrderNotional(BtcSymbol, 5_000m);

        // act
        var atEntry = (account.MarginUsed, account.MaintenanceMargin, account.AvailableBalance, account.CrossWalletBalance);
        account.UpdateMark(BtcSymbol, 29_000m);
        account.UpdateMark(EthSymbol, 1_000m); // isolated losses do not touch the cross balance
        var afterDrop = account.AvailableBalance;
        account.UpdateMark(BtcSymbol, 25_000m);
        var afterCrash = account.AvailableBalance;

        // assert
        Assert.Equal(7_500m, atEntry.MarginUsed);          // 3,000 + 4,000 + 500
        Assert.Equal(545m, atEntry.MaintenanceMargin);     // 30,000 × 0.4 % + (20,000 × 2.5 % − 75)
        Assert.Equal(6_000m, atEntry.CrossWalletBalance);  // 10,000 − 4,000 isolated
        Assert.Equal(2_500m, atEntry.AvailableBalance);    // 6,000 − 3,000 − 500
        Assert.Equal(1_600m, afterDrop);                   // 6,000 − 1,000 − 2,900 − 500
        Assert.Equal(0m, afterCrash);                      // 6,000 − 5,000 − 2,500 − 500 < 0
        Assert.Equal(4_000m, account.IsolatedMargin);
        Assert.Equal(4_500m, account.PositionInitialMargin); // BTC 2,500 + ETH 2,000 at the new marks
    }

    [Fact]
    public void Should_refuse_margin_type_and_position_mode_changes_while_positions_or_orders_are_open()
    {
        // arrange
        var account = NewAccount();
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m));
        account.SetOpenOrderNotional(EthSymbol, 100m);

        // act
        var marginWithPosition = Record.Exception(() => account.SetMarginType(BtcSymbol, MarginType.Isolated));
        var marginWithOrders = Record.Exception(() => account.SetMarginType(EthSymbol, MarginType.Isolated));
        var modeWithPosition = Record.Exception(() => account.SetPositionMode(PositionMode.Hedge));
        account.ApplyFill(TestFills.Sell(Btc, 1m, 30_000m));
        account.SetOpenOrderNotional(EthSymbol, 0m);
        account.SetMarginType(BtcSymbol, MarginType.Isolated);
        account.SetPositionMode(PositionMode.Hedge);

        // assert
        Assert.IsType<InvalidOperationException>(marginWithPosition);
        Assert.IsType<InvalidOperationException>(marginWithOrders);
        Assert.IsType<InvalidOperationException>(modeWithPosition);
        Assert.Equal(MarginType.Isolated, account.MarginTypeOf(BtcSymbol));
        Assert.Equal(PositionMode.Hedge, account.PositionMode);
    }

    [Fact]
    public void Should_move_margin_in_and_out_of_an_isolated_position_within_limits()
    {
        // arrange
        var account = NewAccount(1_000m);
        account.SetMarginType(BtcSymbol, MarginType.Isolated);
        account.SetLeverage(BtcSymbol, 10);
        account.ApplyFill(TestFills.Buy(Btc, 0.1m, 30_000m)); // 300 isolated

        // act
        account.AdjustIsolatedMargin(BtcSymbol, PositionSide.Both, 200m);
        var belowInitial = Record.Exception(() => account.AdjustIsolatedMargin(BtcSymbol, PositionSide.Both, -200.01m));
        var beyondAvailable = Record.Exception(() => account.AdjustIsolatedMargin(BtcSymbol, PositionSide.Both, 500.01m));
        var noPosition = Record.Exception(() => account.AdjustIsolatedMargin(EthSymbol, PositionSide.Both, 1m));
        account.AdjustIsolatedMargin(BtcSymbol, PositionSide.Both, -200m);

        // assert
        Assert.IsType<InvalidOperationException>(belowInitial);
        Assert.IsType<InvalidOperationException>(beyondAvailable);
        Assert.IsType<InvalidOperationException>(noPosition);
        Assert.Equal(300m, account.IsolatedMargin);
        Assert.Equal(1_000m, account.WalletBalance);
    }

    [Fact]
    public void Should_estimate_a_cross_liquidation_price_where_the_cross_balance_meets_maintenance()
    {
        // arrange: BTC long and ETH short share 5,000 of cross wallet; an isolated XRP position stays out of it
        var account = NewAccount(5_000m);
        var xrp = new Symbol("XRPUSDT");
        account.SetMarginType(xrp, MarginType.Isolated);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m));
        account.ApplyFill(TestFills.Sell(Eth, 5m, 2_000m));
        account.ApplyFill(TestFills.Buy("XRPUSDT", 1_000m, 0.5m));
        account.UpdateMark(EthSymbol, 2_050m);

        // act
        var price = account.EstimateLiquidationPrice(BtcSymbol, PositionSide.Both);

        // assert
        var btc = Position.FromSnapshot(account.GetPosition(BtcSymbol, PositionSide.Both)!);
        var eth = Position.FromSnapshot(account.GetPosition(EthSymbol, PositionSide.Both)!);
        var balance = account.CrossWalletBalance + btc.UnrealizedPnl(price!.Value) + eth.UnrealizedPnl(2_050m);
        var maintenance = btc.MaintenanceMargin(price.Value, TestBrackets.Btc) + eth.MaintenanceMargin(2_050m, TestBrackets.Alt);
        AssertClose(maintenance, balance);
        Assert.Equal(4_975m, account.CrossWalletBalance); // 5,000 − 25 isolated (500 / 20)
        Assert.Null(account.EstimateLiquidationPrice(BtcSymbol, PositionSide.Long));
    }

    [Fact]
    public void Should_move_both_hedge_legs_with_the_price_in_a_cross_liquidation_estimate()
    {
        // arrange
        var account = NewAccount(1_000m, PositionMode.Hedge);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m, positionSide: PositionSide.Long));
        account.ApplyFill(TestFills.Sell(Btc, 0.5m, 30_000m, positionSide: PositionSide.Short));

        // act
        var longPrice = account.EstimateLiquidationPrice(BtcSymbol, PositionSide.Long);
        var shortPrice = account.EstimateLiquidationPrice(BtcSymbol, PositionSide.Short);

        // assert
        Assert.Equal(longPrice, shortPrice);
        var legs = new[] { PositionSide.Long, PositionSide.Short }
            .Select(side => Position.FromSnapshot(account.GetPosition(BtcSymbol, side)!))
            .ToArray();
        var balance = 1_000m + legs.Sum(leg => leg.UnrealizedPnl(longPrice!.Value));
        var maintenance = legs.Sum(leg => leg.MaintenanceMargin(longPrice!.Value, TestBrackets.Btc));
        AssertClose(maintenance, balance);
        Assert.InRange(longPrice!.Value, 27_000m, 30_000m); // net long 0.5 backed by 1,000: about 2,000 below entry
    }

    [Fact]
    public void Should_estimate_an_isolated_liquidation_price_from_the_isolated_wallet_only()
    {
        // arrange
        var account = NewAccount(100_000m);
        account.SetMarginType(BtcSymbol, MarginType.Isolated);
        account.SetLeverage(BtcSymbol, 10);
        account.ApplyFill(TestFills.Sell(Btc, 1m, 30_000m));

        // act
        var price = account.EstimateLiquidationPrice(BtcSymbol, PositionSide.Both);

        // assert
        Assert.Equal((3_000m + 30_000m) / (0.004m + 1m), price); // the 97,000 of cross wallet does not help
    }

    private static void AssertClose(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) < 0.000000000001m, $"expected {expected}, got {actual}");
}
