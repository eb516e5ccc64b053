using Rari.Backtest.Engine;
using Rari.Backtest.Reports;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Engine;

public sealed class BacktestEngineSpecs
{
    [Fact]
    public void Should_write_byte_identical_reports_for_two_runs_of_the_same_backtest()
    {
        // arrange
        var market = Backtests.Market(Backtests.BtcRange, days: 3, leverage: 10);

        // act
        var first = ReportJsonWriter.Serialize(new BacktestEngine(Backtests.Setup(StrategyKind.Volatility, [market])).Run().Report);
        var second = ReportJsonWriter.Serialize(new BacktestEngine(Backtests.Setup(StrategyKind.Volatility, [market])).Run().Report);

        // assert
        Assert.Equal(first, second); // <--
        Assert.Contains("\"trades\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_trade_several_symbols_from_one_wallet()
    {
        // arrange
        var observer = new InvariantObserver(Backtests.Instruments);
        var markets = new[]
        {
            Backtests.Market(Backtests.EthBreakout, days: 3, offsetDays: 2),
            Backtests.Market(Backtests.SolBreakout, days: 3, offsetDays: 2),
            Backtests.Market(Backtests.SuiBreakout, days: 3, offsetDays: 2),
        };
        var engine = new BacktestEngine(Backtests.Setup(StrategyKind.Volatility, markets, observer: observer));

        // act
        var result = engine.Run();

        // assert
        var totals = result.Totals;
        Assert.Empty(observer.Violations);
        Assert.Equal(3, result.Report.Symbols.Count);
        Assert.All(result.Report.Symbols, chart => Assert.NotEmpty(chart.Fills));
        Assert.Equal(totals.InitialBalance + totals.RealizedPnl - totals.Fees - totals.Funding - totals.LiquidationFees, totals.FinalWallet);
        Assert.Equal(engine.Venue.GetBalance(engine.AccountId).Value.WalletBalance, totals.FinalWallet); // one wallet for all
        Assert.Equal(markets.Sum(m => (long)m.Bars.Count), result.Klines);
        Assert.Equal(result.Report.Trades.OrderBy(t => t.ExitTimeMs).Select(t => t.ExitTimeMs), result.Report.Trades.Select(t => t.ExitTimeMs));
    }

    [Fact]
    public void Should_deny_or_shrink_orders_that_would_tie_up_more_margin_than_the_position_cap_allows()
    {
        // arrange: 0.1 % of equity = 10 USDT of margin, less than one 50 USDT rung at 1x leverage
        var observer = new InvariantObserver(Backtests.Instruments);
        var settings = Backtests.Settings with { Risk = RiskSettings.Default with { MaxPositionRisk = 0.001m } };
        var market = Backtests.Market(Backtests.EthBreakout, days: 2, offsetDays: 2, leverage: 1);
        var grid = StrategySet.Default with { Grid = StrategySet.Default.Grid with { Spacing = 0.005m, Direction = GridDirection.Long } };

        // act
        var result = new BacktestEngine(Backtests.Setup(StrategyKind.Grid, [market], grid, settings, observer)).Run();

        // assert: what reached the venue fits the cap (a long grid holds no short to offset its buys; equity never rose above 10,010 USDT, so the cap is at most 10.01)
        Assert.True(result.Totals.OrdersDenied > 0);
        Assert.True(result.Report.EquityCurve.Max(p => p.Equity) < 10_010m);
        var entries = observer.AcceptedOrders.Where(a => !a.Order.ReduceOnly && !a.Order.ClosePosition).ToList();
        Assert.NotEmpty(entries); // shrunk to fit, not all refused
        Assert.All(entries, a => Assert.True(a.Order.OriginalQuantity * a.Order.Price <= 10.01m, $"{a.Order.ClientOrderId}: {a.Order.OriginalQuantity} @ {a.Order.Price}")); // <--
    }

    [Fact]
    public void Should_stop_new_exposure_for_the_rest_of_the_day_once_the_daily_loss_limit_is_reached()
    {
        // arrange: a loss limit of 0.01 % of equity is reached by the first losing bar of a position
        var settings = Backtests.Settings with { Risk = RiskSettings.Default with { MaxDailyLoss = 0.0001m } };
        var market = Backtests.Market(Backtests.BtcRange, days: 3, leverage: 10);

        // act
        var result = new BacktestEngine(Backtests.Setup(StrategyKind.Volatility, [market], settings: settings)).Run();

        // assert
        var halts = result.Report.RiskEvents.Where(e => e.Kind == "halt").ToList();
        var resumes = result.Report.RiskEvents.Where(e => e.Kind == "resume").ToList();
        Assert.NotEmpty(halts);
        Assert.NotEmpty(resumes);
        Assert.All(resumes, r => Assert.Equal(0, r.TimestampMs % Backtests.DayMs)); // resumes only at a UTC midnight
        Assert.Contains("max-daily-loss", halts[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_apply_no_caps_when_risk_limits_are_off()
    {
        // arrange
        var settings = Backtests.Settings with
        {
            ApplyRiskLimits = false,
            Risk = RiskSettings.Default with { MaxPositionRisk = 0.0001m, MaxDailyLoss = 0.0001m },
        };
        var market = Backtests.Market(Backtests.BtcRange, days: 2, leverage: 10);

        // act
        var result = new BacktestEngine(Backtests.Setup(StrategyKind.Volatility, [market], settings: settings)).Run();

        // assert
        Assert.Equal(0, result.Totals.OrdersDenied);
        Assert.DoesNotContain(result.Report.RiskEvents, e => e.Kind == "halt");
        Assert.True(result.Totals.Fills > 0);
    }

    [Fact]
    public void Should_refuse_to_run_twice()
    {
        // arrange
        var engine = new BacktestEngine(Backtests.Setup(StrategyKind.Grid, [Backtests.Market(Backtests.BtcRange, days: 1)]));
        engine.Run();

        // act
        var error = Assert.Throws<InvalidOperationException>(() => engine.Run());

        // assert
        Assert.Contains("runs once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_when_and_where_a_strategy_failed()
    {
        // arrange
        var market = Backtests.Market(Backtests.BtcRange, days: 1);
        var setup = new BacktestSetup([market], Backtests.Settings, m => new ThrowingStrategy(m.Symbol));

        // act
        var error = Assert.Throws<BacktestFailedException>(() => new BacktestEngine(setup).Run());

        // assert
        var when = DateTimeOffset.FromUnixTimeMilliseconds(market.TradeFromMs + 59_999).UtcDateTime;
        Assert.Equal(
            $"The backtest stopped at {when:yyyy-MM-dd HH:mm:ss} UTC on BTCUSDT (broken): ArgumentException: the plan has a negative price",
            error.Message);
        Assert.IsType<ArgumentException>(error.InnerException);
    }
}
