using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>Margin figures split by margin type and per position, as the liquidation rules read them.</summary>
public sealed class PortfolioAccountCrossMarginSpecs
{
    private const string Btc = "BTCUSDT";
    private const string Eth = "ETHUSDT";
    private static readonly Symbol BtcSymbol = new(Btc);
    private static readonly Symbol EthSymbol = new(Eth);

    private static PortfolioAccount CrossBtcIsolatedEth()
    {
        // BTC cross 10x long 1 @ 30,000; ETH isolated 5x long 10 @ 2,000 (4,000 USDT moved into its wallet)
        var account = new PortfolioAccount(10_000m, TestBrackets.For);
        account.SetLeverage(BtcSymbol, 10);
        account.SetLeverage(EthSymbol, 5);
        account.SetMarginType(EthSymbol, MarginType.Isolated);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m));
        account.ApplyFill(TestFills.Buy(Eth, 10m, 2_000m));
        account.UpdateMark(BtcSymbol, 29_000m);
        account.UpdateMark(EthSymbol, 1_900m);
        return account;
    }

    [Fact]
    public void Should_measure_the_cross_margin_balance_against_the_cross_maintenance_margin_only()
    {
        // arrange
        var account = CrossBtcIsolatedEth();

        // act
        var figures = (account.CrossUnrealizedPnl, account.CrossMarginBalance, account.CrossMaintenanceMargin);

        // assert
        Assert.Equal(-1_000m, figures.CrossUnrealizedPnl);     // BTC only; ETH's −1,000 is isolated
        Assert.Equal(5_000m, figures.CrossMarginBalance);      // cross wallet 6,000 − 1,000
        Assert.Equal(116m, figures.CrossMaintenanceMargin);    // 29,000 × 0.4 %
        Assert.Equal(516m, account.MaintenanceMargin);         // + ETH 19,000 × 2.5 % − 75
    }

    [Fact]
    public void Should_give_the_margin_figures_of_one_position_at_its_mark()
    {
        // arrange
        var account = CrossBtcIsolatedEth();

        // act
        var eth = account.GetPositionMargin(EthSymbol, PositionSide.Both);
        var btc = account.GetPositionMargin(BtcSymbol, PositionSide.Both);

        // assert
        Assert.Equal(
            new PositionMargin(EthSymbol, PositionSide.Both, 10m, 2_000m, 20_000m, 1_900m, -1_000m, 19_000m, 3_800m, 400m, 5, MarginType.Isolated, 4_000m, 0m),
            eth);
        Assert.Equal(3_000m, eth!.Value.IsolatedMarginBalance);
        Assert.Equal(0m, btc!.Value.IsolatedMarginBalance); // cross positions draw on the cross balance
        Assert.Equal(116m, btc.Value.MaintenanceMargin);
        Assert.Null(account.GetPositionMargin(BtcSymbol, PositionSide.Long));
        Assert.Null(account.GetPositionMargin(new Symbol("SOLUSDT"), PositionSide.Both));
    }

    [Fact]
    public void Should_report_a_flat_position_with_no_maintenance_margin_and_its_realized_pnl()
    {
        // arrange
        var account = new PortfolioAccount(1_000m, TestBrackets.For);
        account.ApplyFill(TestFills.Buy(Btc, 0.1m, 30_000m));
        account.ApplyFill(TestFills.Sell(Btc, 0.1m, 31_000m, tradeId: 2));

        // act
        var flat = account.GetPositionMargin(BtcSymbol, PositionSide.Both)!.Value;

        // assert
        Assert.False(flat.IsOpen);
        Assert.Equal(0m, flat.MaintenanceMargin);
        Assert.Equal(100m, flat.RealizedPnl);
    }

    [Fact]
    public void Should_give_the_initial_margin_of_one_symbols_open_orders()
    {
        // arrange
        var account = new PortfolioAccount(1_000m, TestBrackets.For);
        account.SetLeverage(BtcSymbol, 10);
        account.SetOpenOrderNotional(BtcSymbol, 5_000m);

        // act
        var btc = account.OpenOrderInitialMarginOf(BtcSymbol);
        var eth = account.OpenOrderInitialMarginOf(EthSymbol);

        // assert
        Assert.Equal(500m, btc);
        Assert.Equal(0m, eth);
    }

    [Fact]
    public void Should_keep_the_cross_and_isolated_figures_consistent_with_the_totals_over_random_fills()
    {
        // arrange: random fills on two symbols, one cross and one isolated, at random marks
        var random = new Random(1234);
        var account = new PortfolioAccount(1_000_000m, TestBrackets.For);
        account.SetMarginType(EthSymbol, MarginType.Isolated);
        for (var i = 0; i < 2_000; i++)
        {
            var symbol = random.Next(2) == 0 ? Btc : Eth;
            var price = symbol == Btc ? 30_000m + random.Next(-3_000, 3_000) : 2_000m + random.Next(-200, 200);
            var quantity = random.Next(1, 50) / 100m;
            account.ApplyFill(random.Next(2) == 0
                ? TestFills.Buy(symbol, quantity, price, tradeId: i)
                : TestFills.Sell(symbol, quantity, price, tradeId: i));
            account.UpdateMark(new Symbol(symbol), price + random.Next(-100, 100));

            // act
            var eth = account.GetPositionMargin(EthSymbol, PositionSide.Both);
            var btc = account.GetPositionMargin(BtcSymbol, PositionSide.Both);
            var ethMaintenance = eth?.MaintenanceMargin ?? 0m;
            var btcMaintenance = btc?.MaintenanceMargin ?? 0m;

            // assert
            Assert.Equal(account.MaintenanceMargin, account.CrossMaintenanceMargin + ethMaintenance);
            Assert.Equal(btcMaintenance, account.CrossMaintenanceMargin);
            Assert.Equal(account.UnrealizedPnl(), account.CrossUnrealizedPnl + (eth?.UnrealizedPnl ?? 0m));
            Assert.Equal(account.CrossWalletBalance, account.WalletBalance - (eth?.IsolatedWallet ?? 0m));
        }
    }
}
