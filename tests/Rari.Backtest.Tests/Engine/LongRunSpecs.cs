using Rari.Backtest.Engine;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Engine;

/// <summary>The one long run of the suite: a month of the hybrid switching between its children on one symbol.</summary>
public sealed class LongRunSpecs
{
    [Fact]
    public void Should_keep_every_invariant_over_a_month_of_the_hybrid()
    {
        // arrange: SOL from 6 May to 5 June 2025, a rally and a slide; the account is checked against the venue on every read
        var observer = new InvariantObserver(Backtests.Instruments);
        var market = Backtests.Market(Backtests.SolBreakout, days: 30, offsetDays: 1, leverage: 25, warmUpBars: 1_800);
        var engine = new BacktestEngine(Backtests.Setup(StrategyKind.Hybrid, [market], observer: observer));

        // act
        var result = engine.Run();

        // assert
        var totals = result.Totals;
        Assert.Empty(observer.Violations);
        Assert.True(totals.Fills > 50, $"only {totals.Fills} fills");
        Assert.Equal(totals.InitialBalance + totals.RealizedPnl - totals.Fees - totals.Funding - totals.LiquidationFees, totals.FinalWallet);
        Assert.Equal(totals.RealizedPnl, result.Report.Trades.Sum(t => t.GrossPnl));
        Assert.True(totals.Funding != 0m); // a month of 8-hour settlements on open positions
        Assert.Equal(market.Bars.Count, result.Klines);
    }
}
