namespace Rari.Domain.Analytics;

/// <summary>Win/loss statistics over closed round trips, measured on net PnL (after fees and funding).</summary>
/// <param name="WinRate">Share of round trips with a positive net PnL (0 when there are none).</param>
/// <param name="ProfitFactor">Gross wins over gross losses; null when nothing was lost.</param>
/// <param name="AverageWin">Mean net PnL of the winners (0 when there are none).</param>
/// <param name="AverageLoss">Mean net PnL of the losers, negative (0 when there are none).</param>
/// <param name="AverageHoldingTimeMs">Mean holding time (0 when there are no trades).</param>
public readonly record struct TradeStatistics(
    double WinRate,
    double? ProfitFactor,
    decimal AverageWin,
    decimal AverageLoss,
    long AverageHoldingTimeMs)
{
    /// <summary>Computes the statistics; a round trip with exactly zero net PnL counts as neither win nor loss.</summary>
    public static TradeStatistics From(IReadOnlyList<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var tally = new TradeTally();
        foreach (var trade in trades)
        {
            tally.Add(trade);
        }

        return tally.Statistics();
    }
}
