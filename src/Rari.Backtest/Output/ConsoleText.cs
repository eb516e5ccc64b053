using System.Globalization;
using System.Text;
using Rari.Backtest.Results;
using Rari.Backtest.Scan;
using Rari.Backtest.Sweeps;
using Rari.Domain.Analytics;

namespace Rari.Backtest.Output;

/// <summary>The console texts of a backtest: the summary, the sweep ranking, the walk-forward windows and the scan table.</summary>
public static class ConsoleText
{
    /// <summary>The summary of one run: period, money, the main metrics and the order counts.</summary>
    public static string Summary(string title, PerformanceReport metrics, BacktestTotals totals)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(totals);
        var table = new TextTable("metric", ">value")
            .Add("period", $"{Date(metrics.StartTimeMs)} → {Date(metrics.EndTimeMs)} UTC")
            .Add("starting equity", Money(metrics.StartingEquity))
            .Add("ending equity", Money(metrics.EndingEquity))
            .Add("net PnL", $"{Money(metrics.NetPnl)} ({Percent(metrics.TotalReturn)})")
            .Add("realized PnL (before fees)", Money(totals.RealizedPnl))
            .Add("unrealized PnL (open at end)", Money(totals.UnrealizedPnl))
            .Add("fees", Money(totals.Fees))
            .Add("funding", Money(totals.Funding))
            .Add("liquidations", $"{totals.Liquidations} ({Money(totals.LiquidationFees)} fees)")
            .Add("round trips", Count(metrics.TradeCount))
            .Add("win rate", Percent(metrics.WinRate))
            .Add("profit factor", metrics.ProfitFactor is { } pf ? Number(pf) : "n/a (no losses)")
            .Add("average win / loss", $"{Money(metrics.AverageWin)} / {Money(metrics.AverageLoss)}")
            .Add("Sharpe / Sortino (daily, annualised)", $"{Number(metrics.SharpeRatio)} / {Number(metrics.SortinoRatio)}")
            .Add("max drawdown", $"{Money(metrics.MaxDrawdown)} ({Percent(metrics.MaxDrawdownFraction)})")
            .Add("time in market", Percent(metrics.ExposureTime))
            .Add("average holding time", Duration(metrics.AverageHoldingTimeMs))
            .Add("fills / orders placed", $"{Count(totals.Fills)} / {Count(totals.OrdersPlaced)}")
            .Add("orders rejected / denied by risk gate", $"{Count(totals.OrdersRejected)} / {Count(totals.OrdersDenied)}");
        foreach (var rejection in totals.Rejections)
        {
            table.Add($"  rejected {rejection.Code}", $"{Count(rejection.Count)} × {rejection.Message}");
        }

        return title + Environment.NewLine + table;
    }

    /// <summary>The best <paramref name="top"/> runs of a sweep.</summary>
    public static string Sweep(SweepOutcome outcome, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var table = new TextTable(">#", "values", ">Sharpe", ">net PnL", ">return", ">max DD", ">trades", ">win rate");
        foreach (var (run, rank) in outcome.Ranked.Take(top).Select((r, i) => (r, i + 1)))
        {
            var m = run.Metrics;
            table.Add(Count(rank), run.Point.Describe(), Number(m.SharpeRatio), Money(m.NetPnl), Percent(m.TotalReturn), Percent(m.MaxDrawdownFraction), Count(m.TradeCount), Percent(m.WinRate));
        }

        var shown = Math.Min(top, outcome.Ranked.Count);
        var text = new StringBuilder()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Sweep: {outcome.Ranked.Count} runs ranked by {RankMetrics.Name(outcome.Metric)} (best {shown} shown)"))
            .Append(table);
        if (outcome.Failures.Count > 0)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{outcome.Failures.Count} run(s) stopped with an error and are not ranked; the first, with {outcome.Failures[0].Point.Describe()}:"))
                .AppendLine("  " + outcome.Failures[0].Reason);
        }

        return text.ToString();
    }

    /// <summary>The walk-forward windows: what each training period chose and how it did out of sample.</summary>
    public static string WalkForward(WalkForwardOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var table = new TextTable(">window", "test period (UTC)", "chosen in training", ">net PnL", ">return", ">trades");
        foreach (var step in outcome.Steps)
        {
            var m = step.OutOfSample.Report.Metrics;
            table.Add(
                Count(step.Window.Index),
                $"{Date(step.Window.TestFromMs)} → {Date(step.Window.TestToMs)}",
                step.Chosen.Point.Describe(),
                Money(m.NetPnl),
                Percent(m.TotalReturn),
                Count(m.TradeCount));
        }

        return "Walk-forward: out-of-sample results only" + Environment.NewLine + table;
    }

    /// <summary>The scan table, best grid score first, with how the scores are made.</summary>
    public static string Scan(IReadOnlyList<ScanRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new TextTable("symbol", "period (UTC)", ">grid", ">volatility", ">ER", ">ADX", ">volatility/yr", ">USDT/min", "suits");
        foreach (var row in rows)
        {
            table.Add(
                row.Symbol.Value,
                $"{Date(row.FromMs)} → {Date(row.ToMs)}",
                Number(row.GridScore, "0.0"),
                Number(row.VolatilityScore, "0.0"),
                Number(row.EfficiencyRatio),
                Number(row.Adx, "0.0"),
                Percent(row.AnnualizedVolatility),
                Money((decimal)row.QuoteVolumePerMinute, "#,0"),
                Suits(row));
        }

        return new StringBuilder()
            .Append(table)
            .AppendLine()
            .AppendLine(MarketScanner.Explanation)
            .ToString();
    }

    private static string Suits(ScanRow row) => (row.GridScore, row.VolatilityScore) switch
    {
        ( < 10, < 10) => "neither (too quiet, thin or undecided)",
        var (g, v) when g >= v => "grid",
        _ => "volatility",
    };

    private static string Date(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Money(decimal value, string format = "#,0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Number(double value, string format = "0.00") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Duration(long ms)
    {
        var span = TimeSpan.FromMilliseconds(ms);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes}m");
    }
}
