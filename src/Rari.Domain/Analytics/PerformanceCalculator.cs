namespace Rari.Domain.Analytics;

/// <summary>
/// Computes a <see cref="PerformanceReport"/> from an equity curve and the closed round trips.
/// </summary>
/// <remarks>
/// Conventions, chosen to match how crypto desks quote these figures:
/// <list type="bullet">
/// <item>Returns for Sharpe and Sortino are simple returns of equity sampled at the end of each period of
/// <c>returnPeriodMs</c> (default one UTC day), the last sample at or before each boundary; the first period
/// starts at the first sample.</item>
/// <item>Annualisation multiplies by √(periods per year) with a 365-day year, because crypto trades every day.</item>
/// <item>The risk-free rate is 0. Sharpe divides the mean by the sample standard deviation (n − 1). Sortino divides
/// the mean by the downside deviation √(Σ min(r, 0)² / n) with a target of 0.</item>
/// <item>With fewer than two returns, or a zero deviation, the ratio is reported as 0 (undefined, not infinite).</item>
/// </list>
/// </remarks>
public static class PerformanceCalculator
{
    /// <summary>One day in milliseconds: the default return period.</summary>
    public const long DayMs = 86_400_000L;

    private const double DaysPerYear = 365.0;

    /// <summary>Computes the report.</summary>
    /// <param name="equityCurve">Equity samples in time order; at least one.</param>
    /// <param name="trades">Closed round trips, in any order.</param>
    /// <param name="feesPaid">Total commissions paid over the run, open positions included.</param>
    /// <param name="fundingPaid">Total funding paid over the run (negative when received).</param>
    /// <param name="returnPeriodMs">Length of the periods whose returns feed Sharpe and Sortino.</param>
    /// <exception cref="ArgumentException">The curve is empty or out of order, or the period is not positive.</exception>
    public static PerformanceReport Compute(
        IReadOnlyList<EquityPoint> equityCurve,
        IReadOnlyList<ClosedTrade> trades,
        decimal feesPaid,
        decimal fundingPaid,
        long returnPeriodMs = DayMs)
    {
        if (equityCurve.Count == 0)
        {
            throw new ArgumentException("The equity curve has no samples; record at least the starting equity.", nameof(equityCurve));
        }

        if (returnPeriodMs <= 0)
        {
            throw new ArgumentException($"Return period must be positive, got {returnPeriodMs} ms.", nameof(returnPeriodMs));
        }

        var drawdown = new DrawdownTracker();
        long exposedMs = 0;
        for (var i = 0; i < equityCurve.Count; i++)
        {
            var point = equityCurve[i];
            drawdown.Update(point.TimestampMs, point.Equity);
            if (i + 1 < equityCurve.Count && point.GrossExposure > 0m)
            {
                exposedMs += equityCurve[i + 1].TimestampMs - point.TimestampMs;
            }
        }

        var first = equityCurve[0];
        var last = equityCurve[^1];
        var spanMs = last.TimestampMs - first.TimestampMs;
        var netPnl = last.Equity - first.Equity;
        var tradeStats = TradeStatistics.From(trades);
        var returns = PeriodicReturns(equityCurve, returnPeriodMs);
        var annualisation = Math.Sqrt(DaysPerYear * DayMs / returnPeriodMs);

        return new PerformanceReport(
            StartTimeMs: first.TimestampMs,
            EndTimeMs: last.TimestampMs,
            StartingEquity: first.Equity,
            EndingEquity: last.Equity,
            NetPnl: netPnl,
            TotalReturn: first.Equity != 0m ? (double)(netPnl / first.Equity) : 0.0,
            TradeCount: trades.Count,
            WinRate: tradeStats.WinRate,
            ProfitFactor: tradeStats.ProfitFactor,
            AverageWin: tradeStats.AverageWin,
            AverageLoss: tradeStats.AverageLoss,
            SharpeRatio: Sharpe(returns) * annualisation,
            SortinoRatio: Sortino(returns) * annualisation,
            MaxDrawdown: drawdown.MaxDrawdown,
            MaxDrawdownFraction: (double)drawdown.MaxDrawdownFraction,
            MaxDrawdownDurationMs: drawdown.MaxDrawdownDurationMs,
            ExposureTime: spanMs > 0 ? (double)exposedMs / spanMs : 0.0,
            FeesPaid: feesPaid,
            FundingPaid: fundingPaid,
            AverageHoldingTimeMs: tradeStats.AverageHoldingTimeMs);
    }

    /// <summary>
    /// Simple returns of equity sampled at period ends (the last sample at or before each boundary,
    /// boundaries counted from the first sample). Periods without a sample carry the previous equity.
    /// </summary>
    public static double[] PeriodicReturns(IReadOnlyList<EquityPoint> equityCurve, long returnPeriodMs)
    {
        if (equityCurve.Count < 2)
        {
            return [];
        }

        var start = equityCurve[0].TimestampMs;
        var periods = (int)((equityCurve[^1].TimestampMs - start) / returnPeriodMs);
        var returns = new double[periods];
        var previous = equityCurve[0].Equity;
        var index = 0;
        for (var p = 1; p <= periods; p++)
        {
            var boundary = start + (p * returnPeriodMs);
            while (index + 1 < equityCurve.Count && equityCurve[index + 1].TimestampMs <= boundary)
            {
                index++;
            }

            var current = equityCurve[index].Equity;
            returns[p - 1] = previous != 0m ? (double)((current - previous) / previous) : 0.0;
            previous = current;
        }

        return returns;
    }

    private static double Sharpe(double[] returns)
    {
        if (returns.Length < 2)
        {
            return 0.0;
        }

        var mean = Mean(returns);
        var sumSquares = 0.0;
        foreach (var r in returns)
        {
            sumSquares += (r - mean) * (r - mean);
        }

        var deviation = Math.Sqrt(sumSquares / (returns.Length - 1));
        return deviation > 0.0 ? mean / deviation : 0.0;
    }

    private static double Sortino(double[] returns)
    {
        if (returns.Length < 2)
        {
            return 0.0;
        }

        var downside = 0.0;
        foreach (var r in returns)
        {
            if (r < 0.0)
            {
                downside += r * r;
            }
        }

        var deviation = Math.Sqrt(downside / returns.Length);
        return deviation > 0.0 ? Mean(returns) / deviation : 0.0;
    }

    private static double Mean(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
