namespace Rari.Domain.Analytics;

/// <summary>
/// The performance of one run (a backtest or a live period), computed by <see cref="PerformanceCalculator"/>.
/// Money is in USDT; ratios are plain fractions (0.05 = 5 %).
/// </summary>
/// <param name="StartTimeMs">Time of the first equity sample.</param>
/// <param name="EndTimeMs">Time of the last equity sample.</param>
/// <param name="StartingEquity">Equity at the first sample.</param>
/// <param name="EndingEquity">Equity at the last sample.</param>
/// <param name="NetPnl">Ending minus starting equity: everything earned after fees and funding.</param>
/// <param name="TotalReturn">NetPnl / StartingEquity.</param>
/// <param name="TradeCount">Number of closed round trips.</param>
/// <param name="WinRate">Share of round trips with a positive net PnL (0 when there are none).</param>
/// <param name="ProfitFactor">Sum of winning net PnL over the absolute sum of losing net PnL; null when nothing was lost.</param>
/// <param name="AverageWin">Mean net PnL of winning round trips (0 when there are none).</param>
/// <param name="AverageLoss">Mean net PnL of losing round trips, a negative number (0 when there are none).</param>
/// <param name="SharpeRatio">Annualised Sharpe ratio of periodic returns; see <see cref="PerformanceCalculator"/> for the convention.</param>
/// <param name="SortinoRatio">Annualised Sortino ratio of periodic returns; see <see cref="PerformanceCalculator"/> for the convention.</param>
/// <param name="MaxDrawdown">Largest fall below a previous equity peak, in USDT.</param>
/// <param name="MaxDrawdownFraction">Largest fall below a previous equity peak as a fraction of that peak.</param>
/// <param name="MaxDrawdownDurationMs">Longest time spent below a previous peak, in milliseconds.</param>
/// <param name="ExposureTime">Share of the run's time during which any position was open.</param>
/// <param name="FeesPaid">Commissions paid over the run (rebates reduce it).</param>
/// <param name="FundingPaid">Funding paid over the run (negative when funding was received).</param>
/// <param name="AverageHoldingTimeMs">Mean holding time of the closed round trips (0 when there are none).</param>
public sealed record PerformanceReport(
    long StartTimeMs,
    long EndTimeMs,
    decimal StartingEquity,
    decimal EndingEquity,
    decimal NetPnl,
    double TotalReturn,
    int TradeCount,
    double WinRate,
    double? ProfitFactor,
    decimal AverageWin,
    decimal AverageLoss,
    double SharpeRatio,
    double SortinoRatio,
    decimal MaxDrawdown,
    double MaxDrawdownFraction,
    long MaxDrawdownDurationMs,
    double ExposureTime,
    decimal FeesPaid,
    decimal FundingPaid,
    long AverageHoldingTimeMs);
