using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Engine;

/// <summary>
/// Invariants of a backtest of each strategy over real data — not its PnL: money is conserved to the cent, the venue
/// only accepted valid orders, open orders stay within the limit, positions are the fills' sum, and the strategy trades.
/// </summary>
public sealed class BacktestInvariantSpecs
{
    private readonly StrategyRuns _runs = StrategyRuns.Shared;

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_trade(StrategyKind kind)
    {
        // arrange
        var run = _runs.Runs[kind];

        // act
        var totals = run.Result.Totals;

        // assert
        Assert.True(totals.Fills >= 4, $"{kind} filled only {totals.Fills} times");
        Assert.NotEmpty(run.Result.Report.Trades);
        Assert.True(run.Observer.Accepted > 0);
    }

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_conserve_cash_exactly(StrategyKind kind)
    {
        // arrange
        var run = _runs.Runs[kind];
        var totals = run.Result.Totals;
        var balance = run.Engine.Venue.GetBalance(run.Engine.AccountId).Value;

        // act
        var expectedWallet = totals.InitialBalance + totals.RealizedPnl - totals.Fees - totals.Funding - totals.LiquidationFees;

        // assert
        Assert.Equal(expectedWallet, totals.FinalWallet); // <--
        Assert.Equal(balance.WalletBalance, totals.FinalWallet);
        Assert.Equal(totals.FinalWallet + totals.UnrealizedPnl, totals.FinalEquity);
        Assert.Equal(totals.FinalEquity, run.Result.Report.EquityCurve[^1].Equity);
        Assert.Equal(totals.FinalEquity - totals.InitialBalance, run.Result.Report.Metrics.NetPnl);
    }

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_make_round_trips_that_add_up_to_the_realized_pnl(StrategyKind kind)
    {
        // arrange
        var run = _runs.Runs[kind];

        // act
        var gross = run.Result.Report.Trades.Sum(t => t.GrossPnl);
        var fees = run.Result.Report.Trades.Sum(t => t.Fees);

        // assert
        Assert.Equal(run.Result.Totals.RealizedPnl, gross);
        Assert.InRange(fees, 0m, run.Result.Totals.Fees + run.Result.Totals.LiquidationFees);
    }

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_only_have_orders_accepted_that_pass_the_filters_and_the_open_order_limit(StrategyKind kind)
    {
        // arrange
        var run = _runs.Runs[kind];

        // act
        var violations = run.Observer.Violations;

        // assert
        Assert.Empty(violations);
        Assert.Equal(run.Observer.PeakOpenOrders, run.Result.Totals.MaxOpenOrders);
        Assert.InRange(run.Observer.PeakOpenOrders, 1, run.Market.Instrument.MaxNumOrders);
    }

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_hold_positions_equal_to_the_signed_sum_of_fills(StrategyKind kind)
    {
        // arrange
        var run = _runs.Runs[kind];
        var symbol = run.Market.Symbol;

        // act
        var venuePosition = run.Engine.Venue.GetPositionRisk(run.Engine.AccountId, symbol).Value.Sum(p => p.PositionAmount);

        // assert
        Assert.Equal(run.Observer.Positions.GetValueOrDefault(symbol), venuePosition);
        Assert.Equal(run.Result.Report.Symbols[0].Fills.Count, run.Observer.Fills);
    }

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_keep_the_warm_up_free_of_orders_and_metrics(StrategyKind kind)
    {
        // arrange
        var run = _runs.Runs[kind];

        // act
        var firstFill = run.Result.Report.Symbols[0].Fills[0].TimestampMs;

        // assert
        Assert.True(firstFill >= run.Market.TradeFromMs);
        Assert.True(run.Result.Report.EquityCurve[0].TimestampMs >= run.Market.TradeFromMs);
        Assert.Equal(run.Market.Bars.Count, run.Result.Klines);
    }

    [Theory]
    [MemberData(nameof(StrategyRuns.Kinds), MemberType = typeof(StrategyRuns))]
    public void Should_count_every_rejection_under_its_code(StrategyKind kind)
    {
        // arrange
        var totals = _runs.Runs[kind].Result.Totals;

        // act
        var counted = totals.Rejections.Sum(r => r.Count);

        // assert
        Assert.Equal(totals.OrdersRejected, counted);
        Assert.Equal(totals.Rejections.OrderBy(r => r.Code).Select(r => r.Code), totals.Rejections.Select(r => r.Code));
    }
}
