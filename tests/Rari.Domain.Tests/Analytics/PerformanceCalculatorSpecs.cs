using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Analytics;

public sealed class PerformanceCalculatorSpecs
{
    private const long Day = PerformanceCalculator.DayMs;
    private static readonly Symbol Btc = new("BTCUSDT");

    private static ClosedTrade Trade(decimal gross, decimal fees = 0m, decimal funding = 0m, long entry = 0, long exit = 60_000) =>
        new(Btc, OrderSide.Buy, 1m, 100m, 100m + gross, entry, exit, gross, fees, funding);

    [Fact]
    public void Should_compute_trade_statistics_on_net_pnl()
    {
        // arrange: two winners (+30, +10 net) and one loser (−20 net after its fee)
        var trades = new[] { Trade(31m, fees: 1m), Trade(10m), Trade(-19m, fees: 1m) };
        var curve = new[] { new EquityPoint(0, 1_000m), new EquityPoint(Day, 1_020m) };

        // act
        var report = PerformanceCalculator.Compute(curve, trades, feesPaid: 2m, fundingPaid: 0m);

        // assert
        Assert.Equal(3, report.TradeCount);
        Assert.Equal(2.0 / 3.0, report.WinRate, 12);
        Assert.Equal(2.0, report.ProfitFactor!.Value, 12); // 40 / 20
        Assert.Equal(20m, report.AverageWin);
        Assert.Equal(-20m, report.AverageLoss);
        Assert.Equal(20m, report.NetPnl);
        Assert.Equal(0.02, report.TotalReturn, 12);
        Assert.Equal(2m, report.FeesPaid);
    }

    [Fact]
    public void Should_report_no_profit_factor_when_nothing_was_lost()
    {
        var report = PerformanceCalculator.Compute([new EquityPoint(0, 100m)], [Trade(5m)], 0m, 0m);

        Assert.Null(report.ProfitFactor);
        Assert.Equal(1.0, report.WinRate);
    }

    [Fact]
    public void Should_annualise_sharpe_and_sortino_from_daily_returns_with_a_365_day_year()
    {
        // arrange: daily returns +1 %, −1 %, +2 %, 0 % (equity chosen so the returns are exact)
        var equities = new[] { 100m, 101m, 99.99m, 101.9898m, 101.9898m };
        var curve = equities.Select((e, i) => new EquityPoint(i * Day, e)).ToArray();
        double[] r = [0.01, -0.01, 0.02, 0.0];
        var mean = r.Average();
        var sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / (r.Length - 1));
        var downside = Math.Sqrt(r.Sum(x => x < 0 ? x * x : 0) / r.Length);

        // act
        var report = PerformanceCalculator.Compute(curve, [], 0m, 0m);

        // assert
        Assert.Equal(mean / sd * Math.Sqrt(365), report.SharpeRatio, 9);
        Assert.Equal(mean / downside * Math.Sqrt(365), report.SortinoRatio, 9);
    }

    [Fact]
    public void Should_sample_intraday_curves_at_the_last_point_of_each_period()
    {
        // arrange: minute samples over two days; only the values at 1 and 2 days count
        var curve = new List<EquityPoint>();
        for (var m = 0; m <= 2 * 1440; m++)
        {
            var equity = m switch { 1440 => 110m, 2880 => 121m, _ => 100m + (m % 7) };
            curve.Add(new EquityPoint(m * 60_000L, equity));
        }

        // act
        var returns = PerformanceCalculator.PeriodicReturns(curve, Day);

        // assert
        Assert.Equal([0.1, 0.1], returns.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Should_report_zero_ratios_when_returns_do_not_vary()
    {
        var curve = Enumerable.Range(0, 5).Select(i => new EquityPoint(i * Day, 100m)).ToArray();

        var report = PerformanceCalculator.Compute(curve, [], 0m, 0m);

        Assert.Equal(0.0, report.SharpeRatio);
        Assert.Equal(0.0, report.SortinoRatio);
    }

    [Fact]
    public void Should_measure_exposure_time_from_the_samples_that_hold_a_position()
    {
        // arrange: exposed during [0, 30) and [60, 90) of a 100-second run
        var curve = new[]
        {
            new EquityPoint(0, 100m, 50m),
            new EquityPoint(30_000, 100m, 0m),
            new EquityPoint(60_000, 100m, 10m),
            new EquityPoint(90_000, 100m, 0m),
            new EquityPoint(100_000, 100m, 0m),
        };

        var report = PerformanceCalculator.Compute(curve, [], 0m, 0m);

        Assert.Equal(0.6, report.ExposureTime, 12);
    }

    [Fact]
    public void Should_report_drawdown_and_its_duration_from_the_curve()
    {
        var curve = new[]
        {
            new EquityPoint(0, 100m), new EquityPoint(Day, 80m), new EquityPoint(3 * Day, 100m), new EquityPoint(4 * Day, 105m),
        };

        var report = PerformanceCalculator.Compute(curve, [], 0m, 0m);

        Assert.Equal(20m, report.MaxDrawdown);
        Assert.Equal(0.2, report.MaxDrawdownFraction, 12);
        Assert.Equal(3 * Day, report.MaxDrawdownDurationMs);
    }

    [Fact]
    public void Should_refuse_an_empty_curve_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => PerformanceCalculator.Compute([], [], 0m, 0m));

        Assert.Contains("starting equity", error.Message, StringComparison.Ordinal);
    }
}
