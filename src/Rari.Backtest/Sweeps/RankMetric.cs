using Rari.Domain.Analytics;

namespace Rari.Backtest.Sweeps;

/// <summary>What a sweep ranks its runs by. Configured by name on the command line (<c>--rank sharpe</c>).</summary>
public enum RankMetric
{
    /// <summary>Annualised Sharpe ratio of daily returns (the default).</summary>
    Sharpe = 1,

    /// <summary>Annualised Sortino ratio of daily returns.</summary>
    Sortino = 2,

    /// <summary>Net PnL after fees and funding, USDT.</summary>
    NetPnl = 3,

    /// <summary>Profit factor (gross wins over gross losses); a run without losses ranks first.</summary>
    ProfitFactor = 4,

    /// <summary>Share of winning round trips.</summary>
    WinRate = 5,

    /// <summary>Largest drawdown as a share of the peak; the smallest ranks first.</summary>
    Drawdown = 6,
}

/// <summary>Scores runs by a <see cref="RankMetric"/>: a higher score ranks first.</summary>
public static class RankMetrics
{
    /// <summary>The names the command line accepts, in kebab case.</summary>
    public static IReadOnlyList<string> Names { get; } = ["sharpe", "sortino", "net-pnl", "profit-factor", "win-rate", "drawdown"];

    /// <summary>Reads a metric name (kebab case, any letter case).</summary>
    public static bool TryParse(string? text, out RankMetric metric)
    {
        metric = RankMetric.Sharpe;
        var index = text is null ? -1 : Names.ToList().FindIndex(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        metric = (RankMetric)(index + 1);
        return true;
    }

    /// <summary>The metric's kebab-case name.</summary>
    public static string Name(RankMetric metric) => Names[(int)metric - 1];

    /// <summary>The score of a run: higher is better; never NaN.</summary>
    public static double Score(PerformanceReport metrics, RankMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var score = metric switch
        {
            RankMetric.Sharpe => metrics.SharpeRatio,
            RankMetric.Sortino => metrics.SortinoRatio,
            RankMetric.NetPnl => (double)metrics.NetPnl,
            RankMetric.ProfitFactor => metrics.ProfitFactor ?? (metrics.TradeCount > 0 ? double.MaxValue : 0),
            RankMetric.WinRate => metrics.WinRate,
            RankMetric.Drawdown => -metrics.MaxDrawdownFraction,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown rank metric."),
        };
        return double.IsNaN(score) ? double.MinValue : score;
    }
}
