using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>Fills, marks, funding, transfers and snapshots of the account.</summary>
public sealed class PortfolioAccountSpecs
{
    private const string Btc = "BTCUSDT";
    private const string Eth = "ETHUSDT";
    private static readonly Symbol BtcSymbol = new(Btc);
    private static readonly Symbol EthSymbol = new(Eth);

    private static PortfolioAccount NewAccount(decimal wallet = 10_000m, PositionMode mode = PositionMode.OneWay) =>
        new(wallet, TestBrackets.For, mode);

    [Fact]
    public void Should_move_the_wallet_by_realized_pnl_minus_fee()
    {
        // arrange
        var account = NewAccount();

        // act
        var open = account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m, fee: 10.5m));
        var close = account.ApplyFill(TestFills.Sell(Btc, 1m, 31_000m, fee: 3.1m, liquidity: LiquiditySide.Maker));

        // assert
        Assert.Equal(new FillResult(0m, 10.5m, 0m, 1m), open);
        Assert.Equal(new FillResult(1_000m, 3.1m, 1m, 0m), close);
        Assert.Equal(10_986.4m, account.WalletBalance); // 10,000 − 10.5 + 1,000 − 3.1
        Assert.Equal(1_000m, account.RealizedPnl);
        Assert.Equal(13.6m, account.FeesPaid);
        Assert.Equal(account.WalletBalance, account.Equity);
    }

    [Fact]
    public void Should_value_positions_at_the_last_mark()
    {
        // arrange
        var account = NewAccount();
        account.ApplyFill(TestFills.Buy(Btc, 0.5m, 30_000m));
        account.ApplyFill(TestFills.Sell(Eth, 4m, 2_000m));

        // act
        account.UpdateMark(BtcSymbol, 32_000m);
        account.UpdateMark(EthSymbol, 2_100m);

        // assert
        Assert.Equal(1_000m, account.UnrealizedPnl(BtcSymbol));
        Assert.Equal(-400m, account.UnrealizedPnl(EthSymbol));
        Assert.Equal(600m, account.UnrealizedPnl());
        Assert.Equal(10_600m, account.Equity);
        Assert.Equal(0m, account.UnrealizedPnl(new Symbol("XRPUSDT")));
    }

    [Fact]
    public void Should_take_the_first_fill_price_as_the_mark_until_a_mark_arrives()
    {
        // arrange
        var account = NewAccount();

        // act
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m));
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_100m));
        var seeded = account.TryGetMarkPrice(BtcSymbol, out var seededMark);
        account.UpdateMark(BtcSymbol, 29_000m);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 29_500m));
        account.TryGetMarkPrice(BtcSymbol, out var mark);

        // assert
        Assert.True(seeded);
        Assert.Equal(30_000m, seededMark);
        Assert.Equal(29_000m, mark);
        Assert.False(account.TryGetMarkPrice(EthSymbol, out _));
    }

    [Fact]
    public void Should_hold_a_long_and_a_short_in_one_symbol_in_hedge_mode()
    {
        // arrange
        var account = NewAccount(mode: PositionMode.Hedge);
        account.ApplyFill(TestFills.Buy(Eth, 1m, 2_000m, positionSide: PositionSide.Long));
        account.ApplyFill(TestFills.Sell(Eth, 2m, 2_010m, positionSide: PositionSide.Short));

        // act
        account.UpdateMark(EthSymbol, 2_100m);
        var funding = account.ApplyFunding(EthSymbol, 0.0001m, 2_100m, 1_000);
        var closeLong = account.ApplyFill(TestFills.Sell(Eth, 1m, 2_100m, positionSide: PositionSide.Long));

        // assert
        Assert.Equal(-0.21m, funding.Paid);                  // long pays 0.21, short receives 0.42
        Assert.Equal(100m, closeLong.RealizedPnl);
        Assert.Equal(0m, account.PositionQuantity(EthSymbol, PositionSide.Long));
        Assert.Equal(-2m, account.PositionQuantity(EthSymbol, PositionSide.Short));
        Assert.Equal(-180m, account.UnrealizedPnl(EthSymbol)); // −2 × (2,100 − 2,010)
        Assert.Equal(10_100.21m, account.WalletBalance);
        Assert.Equal(-0.21m, account.FundingPaid);
    }

    [Fact]
    public void Should_report_signed_exposure_per_symbol_and_gross_and_net_in_total()
    {
        // arrange
        var account = NewAccount(mode: PositionMode.Hedge);
        account.ApplyFill(TestFills.Buy(Eth, 1m, 2_000m, positionSide: PositionSide.Long));
        account.ApplyFill(TestFills.Sell(Eth, 2m, 2_010m, positionSide: PositionSide.Short));
        account.ApplyFill(TestFills.Buy(Btc, 0.1m, 30_000m, positionSide: PositionSide.Long));

        // act
        account.UpdateMark(EthSymbol, 2_100m);
        account.UpdateMark(BtcSymbol, 31_000m);

        // assert
        Assert.Equal(-2_100m, account.Exposure(EthSymbol)); // 2,100 − 4,200
        Assert.Equal(3_100m, account.Exposure(BtcSymbol));
        Assert.Equal(9_400m, account.GrossExposure);         // 2,100 + 4,200 + 3,100
        Assert.Equal(1_000m, account.NetExposure);
    }

    [Theory]
    [InlineData(PositionMode.OneWay, PositionSide.Long)]
    [InlineData(PositionMode.OneWay, PositionSide.Short)]
    [InlineData(PositionMode.Hedge, PositionSide.Both)]
    public void Should_reject_a_fill_whose_position_side_does_not_fit_the_mode(PositionMode mode, PositionSide side)
    {
        // arrange
        var account = NewAccount(mode: mode);
        var before = account.ToSnapshot();

        // act
        var error = Record.Exception(() => account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m, fee: 1m, positionSide: side)));

        // assert
        Assert.IsType<ArgumentException>(error);
        Assert.Equal(before, account.ToSnapshot());
        Assert.Empty(account.ToSnapshot().Symbols);
    }

    [Fact]
    public void Should_leave_the_account_unchanged_when_a_hedge_leg_rejects_a_fill()
    {
        // arrange
        var account = NewAccount(mode: PositionMode.Hedge);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m, positionSide: PositionSide.Long));
        var before = account.ToSnapshot();

        // act
        var tooMuch = Record.Exception(() => account.ApplyFill(TestFills.Sell(Btc, 2m, 30_000m, fee: 1m, positionSide: PositionSide.Long)));
        var wrongWay = Record.Exception(() => account.ApplyFill(TestFills.Buy(Eth, 1m, 2_000m, positionSide: PositionSide.Short)));

        // assert
        Assert.IsType<ArgumentException>(tooMuch);
        Assert.IsType<ArgumentException>(wrongWay);
        Assert.Equal(before, account.ToSnapshot());
    }

    [Theory]
    [InlineData(1, 0.0001, -3)]      // long, positive rate: pays 1 × 30,000 × 0.0001
    [InlineData(1, -0.0001, 3)]      // long, negative rate: receives
    [InlineData(-1, 0.0001, 3)]      // short, positive rate: receives
    [InlineData(-1, -0.0001, -3)]    // short, negative rate: pays
    public void Should_change_the_wallet_by_minus_quantity_times_mark_times_rate(int quantity, double rate, int walletChange)
    {
        // arrange
        var account = NewAccount();
        account.ApplyFill(TestFills.Create(Btc, quantity > 0 ? OrderSide.Buy : OrderSide.Sell, Math.Abs(quantity), 29_000m));

        // act
        var result = account.ApplyFunding(BtcSymbol, (decimal)rate, 30_000m, 28_800_000);

        // assert
        Assert.Equal(new FundingResult(BtcSymbol, 28_800_000, (decimal)rate, 30_000m, -walletChange), result);
        Assert.Equal(walletChange, result.WalletChange);
        Assert.Equal(10_000m + walletChange, account.WalletBalance);
        Assert.Equal(-walletChange, account.FundingPaid);
        Assert.True(account.TryGetMarkPrice(BtcSymbol, out var mark));
        Assert.Equal(30_000m, mark);
    }

    [Fact]
    public void Should_refuse_to_apply_funding_twice_for_the_same_time()
    {
        // arrange
        var account = NewAccount();
        account.ApplyFill(TestFills.Buy(Btc, 1m, 30_000m));
        account.ApplyFunding(BtcSymbol, 0.0001m, 30_000m, 28_800_000);

        // act
        var repeat = Record.Exception(() => account.ApplyFunding(BtcSymbol, 0.0001m, 30_000m, 28_800_000));
        var earlier = Record.Exception(() => account.ApplyFunding(BtcSymbol, 0.0001m, 30_000m, 1));
        account.ApplyFunding(BtcSymbol, 0.0001m, 30_000m, 57_600_000);

        // assert
        Assert.IsType<ArgumentException>(repeat);
        Assert.IsType<ArgumentException>(earlier);
        Assert.Equal(6m, account.FundingPaid);
    }

    [Fact]
    public void Should_deposit_and_withdraw_no_more_than_is_available()
    {
        // arrange
        var account = NewAccount(1_000m);
        account.SetLeverage(BtcSymbol, 10);
        account.ApplyFill(TestFills.Buy(Btc, 0.1m, 30_000m)); // 300 of initial margin

        // act
        account.Deposit(500m);
        var tooMuch = Record.Exception(() => account.Withdraw(1_200.01m));
        account.Withdraw(1_200m);

        // assert
        Assert.IsType<InvalidOperationException>(tooMuch);
        Assert.Equal(300m, account.WalletBalance);
        Assert.Equal(-700m, account.NetDeposits);
        Assert.Equal(0m, account.AvailableBalance);
        Assert.Throws<ArgumentOutOfRangeException>(() => account.Deposit(0m));
    }

    [Fact]
    public void Should_restore_an_equal_account_from_a_snapshot_that_then_behaves_the_same()
    {
        // arrange
        var account = NewAccount(mode: PositionMode.Hedge);
        account.SetMarginType(EthSymbol, MarginType.Isolated);
        account.SetLeverage(EthSymbol, 3);
        account.ApplyFill(TestFills.Buy(Btc, 1m, 100m, fee: 0.035m, positionSide: PositionSide.Long));
        account.ApplyFill(TestFills.Buy(Btc, 2m, 101m, fee: 0.0707m, positionSide: PositionSide.Long));
        account.ApplyFill(TestFills.Sell(Btc, 1m, 103m, positionSide: PositionSide.Long));
        account.ApplyFill(TestFills.Sell(Eth, 3m, 2_001m, positionSide: PositionSide.Short));
        account.ApplyFunding(EthSymbol, 0.0001m, 2_002m, 28_800_000);
        account.SetOpenOrderNotional(BtcSymbol, 250m);
        account.UpdateMark(new Symbol("XRPUSDT"), 0.5123m);
        account.Deposit(12.34m);
        var snapshot = account.ToSnapshot();

        // act
        var restored = PortfolioAccount.FromSnapshot(snapshot, TestBrackets.For);

        // assert
        Assert.Equal(snapshot, restored.ToSnapshot());
        Assert.Equal(account.Equity, restored.Equity);
        Assert.Equal(account.AvailableBalance, restored.AvailableBalance);
        var next = TestFills.Buy(Eth, 1m, 1_990m, fee: 0.5m, positionSide: PositionSide.Short);
        Assert.Equal(account.ApplyFill(next), restored.ApplyFill(next));
        Assert.Equal(account.ToSnapshot(), restored.ToSnapshot());
        Assert.NotEqual(snapshot, restored.ToSnapshot());
    }

    [Fact]
    public void Should_refuse_an_inconsistent_snapshot()
    {
        // arrange
        var account = NewAccount();
        account.ApplyFill(TestFills.Buy(Btc, 1m, 100m));
        var snapshot = account.ToSnapshot();
        var btc = snapshot.Symbols[0];

        // act
        var twice = Record.Exception(() => PortfolioAccount.FromSnapshot(snapshot with { Symbols = [btc, btc] }, TestBrackets.For));
        var wrongMode = Record.Exception(() => PortfolioAccount.FromSnapshot(snapshot with { PositionMode = PositionMode.Hedge }, TestBrackets.For));
        var noMark = Record.Exception(() => PortfolioAccount.FromSnapshot(snapshot with { Symbols = [btc with { MarkPrice = null }] }, TestBrackets.For));
        var otherLeverage = Record.Exception(() => PortfolioAccount.FromSnapshot(snapshot with { Symbols = [btc with { Leverage = 3 }] }, TestBrackets.For));

        // assert
        Assert.IsType<ArgumentException>(twice);
        Assert.IsType<ArgumentException>(wrongMode);
        Assert.IsType<ArgumentException>(noMark);
        Assert.IsType<ArgumentException>(otherLeverage);
    }

    [Fact]
    public void Should_not_allocate_when_updating_marks_or_applying_fills_to_known_positions()
    {
        // arrange
        var account = NewAccount(1_000_000m);
        var buy = TestFills.Buy(Btc, 0.001m, 30_000m, fee: 0.0105m);
        var sell = TestFills.Sell(Btc, 0.001m, 30_010m, fee: 0.0030001m);
        account.ApplyFill(buy);
        for (var i = 0; i < 1_000; i++)
        {
            Warm(account, buy, sell, i);
        }

        // act
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Warm(account, buy, sell, i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // assert
        Assert.Equal(0, allocated);

        static void Warm(PortfolioAccount account, Fill buy, Fill sell, int i)
        {
            account.UpdateMark(BtcSymbol, 30_000m + (i % 100));
            account.ApplyFill(i % 2 == 0 ? buy : sell);
            _ = account.Equity;
            _ = account.AvailableBalance;
        }
    }
}
