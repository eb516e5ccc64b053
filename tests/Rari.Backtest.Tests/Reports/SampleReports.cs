using Rari.Backtest.Reports;
using Rari.Domain.Analytics;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Backtest.Tests.Reports;

internal static class SampleReports
{
    public static readonly Symbol Btc = new("BTCUSDT");

    public static BacktestReport Create(int trades = 3, string title = "grid on BTCUSDT")
    {
        var start = 1_689_678_780_000L;
        var curve = Enumerable.Range(0, 2_000)
            .Select(i => new EquityPoint(start + (i * 60_000L), 10_000m + (i % 97) - (i / 10m), i % 3 == 0 ? 0m : 500m))
            .ToList();
        var closed = Enumerable.Range(0, trades)
            .Select(i => new ClosedTrade(Btc, i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, 0.01m, 30_000m, 30_000m + (i % 2 == 0 ? 60m : -40m),
                start + (i * 60_000L), start + ((i + 5) * 60_000L), i % 2 == 0 ? 0.6m : -0.4m, 0.12m, 0m))
            .ToList();
        var metrics = PerformanceCalculator.Compute(curve, closed, feesPaid: 0.36m, fundingPaid: 0.01m);
        var prices = curve.Select((p, i) => new PricePoint(p.TimestampMs, 30_000m + (i % 50))).ToList();
        var chart = new SymbolChart(
            Btc,
            prices,
            [new LevelSpan(29_990m, start, start + 600_000L), new LevelSpan(30_040m, start, start + 1_200_000L)],
            [new FillMarker(start + 120_000L, 29_990m, 0.01m, OrderSide.Buy), new FillMarker(start + 300_000L, 30_040m, 0.01m, OrderSide.Sell)]);
        return new BacktestReport(
            title,
            [new("rari.grid.levels", "10"), new("rari.grid.spacing", "0.02")],
            metrics,
            closed,
            curve,
            [chart],
            [new RiskEventRecord(start + 900_000L, "halt", null, "daily loss 15.2 % ≥ limit 15 %")]);
    }
}
