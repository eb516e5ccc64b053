using System.Globalization;
using System.Net;
using System.Text;
using Rari.Backtest.Reports.Charts;
using Rari.Domain.Analytics;
using Rari.Domain.Orders;

namespace Rari.Backtest.Reports;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (inline CSS and SVG, no script, no network) with the metrics,
/// the equity curve and drawdown, each symbol's price with the strategy's levels and fills, the risk events, the
/// trades and the parameters.
/// </summary>
public static class ReportHtmlWriter
{
    /// <summary>How many round trips the trades table lists before it says how many it left out.</summary>
    public const int MaxTradeRows = 500;

    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1180px}
        h1{font-size:20px}h2{font-size:16px;margin-top:28px}
        table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #e4e4e4;text-align:right}
        th{background:#f5f5f5}td:first-child,th:first-child{text-align:left}
        .metrics td:first-child{color:#555}.chart{width:100%;height:auto;margin:6px 0}
        .chart-title{font-weight:600;font-size:13px}.tick{font-size:11px;fill:#555}
        .grid{stroke:#eee}.frame{fill:none;stroke:#bbb}.neg{color:#c62828}.pos{color:#2e7d32}
        """;

    /// <summary>Writes the page to <paramref name="path"/>.</summary>
    public static void Write(BacktestReport report, string path) => File.WriteAllText(path, Render(report), Encoding.UTF8);

    /// <summary>The page as a string.</summary>
    public static string Render(BacktestReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(report.Title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<h1>").Append(Encode(report.Title)).Append("</h1>");
        AppendMetrics(html, report.Metrics);
        AppendEquityCharts(html, report.EquityCurve);
        foreach (var symbol in report.Symbols)
        {
            AppendSymbolChart(html, symbol);
        }

        AppendRiskEvents(html, report.RiskEvents);
        AppendTrades(html, report.Trades);
        AppendParameters(html, report.Parameters);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendMetrics(StringBuilder html, PerformanceReport m)
    {
        html.Append("<h2>Performance</h2><table class=\"metrics\">");
        Row(html, "Period", $"{AxisTicks.DateTimeLabel(m.StartTimeMs)} → {AxisTicks.DateTimeLabel(m.EndTimeMs)} UTC");
        Row(html, "Starting → ending equity", $"{Money(m.StartingEquity)} → {Money(m.EndingEquity)} USDT");
        Row(html, "Net PnL", $"{Money(m.NetPnl)} USDT ({Percent(m.TotalReturn)})");
        Row(html, "Round trips", m.TradeCount.ToString(CultureInfo.InvariantCulture));
        Row(html, "Win rate", Percent(m.WinRate));
        Row(html, "Profit factor", m.ProfitFactor is { } pf ? pf.ToString("0.00", CultureInfo.InvariantCulture) : "— (no losing trade)");
        Row(html, "Average win / loss", $"{Money(m.AverageWin)} / {Money(m.AverageLoss)} USDT");
        Row(html, "Sharpe / Sortino (daily, ×√365)", $"{m.SharpeRatio:0.00} / {m.SortinoRatio:0.00}");
        Row(html, "Max drawdown", $"{Percent(m.MaxDrawdownFraction)} ({Money(m.MaxDrawdown)} USDT), longest {Duration(m.MaxDrawdownDurationMs)}");
        Row(html, "Exposure time", Percent(m.ExposureTime));
        Row(html, "Fees / funding paid", $"{Money(m.FeesPaid)} / {Money(m.FundingPaid)} USDT");
        Row(html, "Average holding time", Duration(m.AverageHoldingTimeMs));
        html.Append("</table>");
    }

    private static void AppendEquityCharts(StringBuilder html, IReadOnlyList<EquityPoint> curve)
    {
        var equity = curve.Select(p => (p.TimestampMs, (double)p.Equity)).ToList();
        html.Append(new SvgChart("Equity (USDT)").Line(equity, "#1f77b4", 1.5).Render());

        var tracker = new DrawdownTracker();
        var drawdown = new List<(long, double)>(curve.Count);
        foreach (var point in curve)
        {
            tracker.Update(point.TimestampMs, point.Equity);
            drawdown.Add((point.TimestampMs, -(double)tracker.CurrentDrawdownFraction * 100));
        }

        html.Append(new SvgChart("Drawdown (%)", height: 200) { ValueFormat = v => $"{v:0.#}%" }.Area(drawdown, "#d62728").Render());
    }

    private static void AppendSymbolChart(StringBuilder html, SymbolChart chart)
    {
        var prices = chart.Prices.Select(p => (p.TimestampMs, (double)p.Price)).ToList();
        var svg = new SvgChart($"{chart.Symbol}: price, strategy levels and fills", height: 380)
            .Levels(chart.Levels.Select(l => ((double)l.Price, l.FromMs, l.ToMs)), "#7f7f7f")
            .Line(prices, "#444", 1.0)
            .Markers(chart.Fills.Select(f => (f.TimestampMs, (double)f.Price, f.Side == OrderSide.Buy,
                $"{(f.Side == OrderSide.Buy ? "buy" : "sell")} {f.Quantity.ToString(CultureInfo.InvariantCulture)} @ {f.Price.ToString(CultureInfo.InvariantCulture)}, {AxisTicks.TimeLabel(f.TimestampMs)}")));
        html.Append("<h2>").Append(Encode(chart.Symbol.ToString())).Append("</h2>").Append(svg.Render());
        html.Append(CultureInfo.InvariantCulture, $"<p>{chart.Fills.Count} fills, {chart.Levels.Count} level spans.</p>");
    }

    private static void AppendRiskEvents(StringBuilder html, IReadOnlyList<RiskEventRecord> events)
    {
        html.Append("<h2>Risk events</h2>");
        if (events.Count == 0)
        {
            html.Append("<p>No halt or circuit-breaker trip.</p>");
            return;
        }

        html.Append("<table><tr><th>Time (UTC)</th><th>Event</th><th>Symbol</th><th>Reason</th></tr>");
        foreach (var e in events)
        {
            html.Append("<tr><td>").Append(AxisTicks.DateTimeLabel(e.TimestampMs)).Append("</td><td>").Append(Encode(e.Kind))
                .Append("</td><td>").Append(Encode(e.Symbol?.ToString() ?? "all")).Append("</td><td style=\"text-align:left\">")
                .Append(Encode(e.Reason)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendTrades(StringBuilder html, IReadOnlyList<ClosedTrade> trades)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Round trips ({trades.Count})</h2>");
        if (trades.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<table><tr><th>Symbol</th><th>Side</th><th>Qty</th><th>Entry</th><th>Exit</th><th>Opened</th><th>Closed</th><th>Net PnL</th><th>Fees</th></tr>");
        foreach (var t in trades.Take(MaxTradeRows))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Encode(t.Symbol.ToString())}</td><td>{(t.Direction == OrderSide.Buy ? "long" : "short")}</td><td>{t.Quantity}</td><td>{t.EntryPrice}</td><td>{t.ExitPrice}</td><td>{AxisTicks.DateTimeLabel(t.EntryTimeMs)}</td><td>{AxisTicks.DateTimeLabel(t.ExitTimeMs)}</td><td class=\"{(t.NetPnl < 0 ? "neg" : "pos")}\">{Money(t.NetPnl)}</td><td>{Money(t.Fees)}</td></tr>");
        }

        html.Append("</table>");
        if (trades.Count > MaxTradeRows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>… and {trades.Count - MaxTradeRows} more in report.json.</p>");
        }
    }

    private static void AppendParameters(StringBuilder html, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        html.Append("<h2>Parameters</h2><table>");
        foreach (var (key, value) in parameters)
        {
            Row(html, key, value);
        }

        html.Append("</table>");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Encode(value)).Append("</td></tr>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Money(decimal value) => Math.Round(value, 2).ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Duration(long ms)
    {
        var span = TimeSpan.FromMilliseconds(ms);
        return span.TotalDays >= 1 ? $"{span.TotalDays:0.0} days" : span.TotalHours >= 1 ? $"{span.TotalHours:0.0} h" : $"{span.TotalMinutes:0} min";
    }
}
