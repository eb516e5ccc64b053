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
        if (trades.Count == 0)
        {
            return new TradeStatistics(0.0, null, 0m, 0m, 0);
        }

        int wins = 0, losses = 0;
        decimal grossWin = 0m, grossLoss = 0m;
        long holding = 0;
        foreach (var trade in trades)
        {
            var pnl = trade.NetPnl;
            if (pnl > 0m)
            {
                wins++;
                grossWin += pnl;
            }
            else if (pnl < 0m)
            {
                losses++;
                grossLoss += pnl;
            }

            holding += trade.HoldingTimeMs;
        }

        return new TradeStatistics(
            WinRate: (double)wins / trades.Count,
            ProfitFactor: grossLoss < 0m ? (double)(grossWin / -grossLoss) : null,
            AverageWin: wins > 0 ? grossWin / wins : 0m,
            AverageLoss: losses > 0 ? grossLoss / losses : 0m,
            AverageHoldingTimeMs: holding / trades.Count);
    }
}
