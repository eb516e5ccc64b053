namespace Rari.Domain.Analytics;

/// <summary>
/// The running sums behind <see cref="TradeStatistics"/>, added to one round trip at a time, so that a long-running
/// reader (the dashboard) keeps constant memory and reads its statistics without walking every trade again.
/// </summary>
public sealed class TradeTally
{
    private int _wins;
    private int _losses;
    private decimal _grossWin;
    private decimal _grossLoss;
    private long _holdingMs;

    /// <summary>How many round trips were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one closed round trip; one with exactly zero net PnL counts as neither win nor loss.</summary>
    public void Add(ClosedTrade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var pnl = trade.NetPnl;
        if (pnl > 0m)
        {
            _wins++;
            _grossWin += pnl;
        }
        else if (pnl < 0m)
        {
            _losses++;
            _grossLoss += pnl;
        }

        _holdingMs += trade.HoldingTimeMs;
        Count++;
    }

    /// <summary>The statistics of everything added so far.</summary>
    public TradeStatistics Statistics() => Count == 0
        ? new TradeStatistics(0.0, null, 0m, 0m, 0)
        : new TradeStatistics(
            WinRate: (double)_wins / Count,
            ProfitFactor: _grossLoss < 0m ? (double)(_grossWin / -_grossLoss) : null,
            AverageWin: _wins > 0 ? _grossWin / _wins : 0m,
            AverageLoss: _losses > 0 ? _grossLoss / _losses : 0m,
            AverageHoldingTimeMs: _holdingMs / Count);
}
