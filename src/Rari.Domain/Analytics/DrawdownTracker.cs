namespace Rari.Domain.Analytics;

/// <summary>
/// Follows an equity series one sample at a time and keeps the running peak, the current drawdown and
/// the worst drawdown seen, with its duration. O(1) per update and allocation-free, so the live risk
/// gate and the backtester share it.
/// </summary>
/// <remarks>
/// Drawdown is measured from the highest equity seen so far: <c>(peak − equity) / peak</c>. Its
/// duration runs from the sample that set the peak until equity first regains it (or until the last
/// sample, when it never does).
/// </remarks>
public sealed class DrawdownTracker
{
    private bool _hasSample;
    private long _peakTimeMs;
    private long _lastTimeMs;
    private long _longestFinishedMs;

    // The deepest drawdown of the current episode (same peak) already divided by the peak. A shallower one cannot raise
    // the largest fraction — dividing by the same positive peak keeps the order, and Math.Max keeps its first argument
    // on a tie —, so it is not divided again: a backtest's report feeds every equity sample through here.
    private decimal _dividedDrawdown;

    /// <summary>Highest equity seen so far.</summary>
    public decimal Peak { get; private set; }

    /// <summary>Current distance below the peak, in USDT (0 at a new high).</summary>
    public decimal CurrentDrawdown { get; private set; }

    /// <summary>Current distance below the peak as a fraction of the peak (0 at a new high).</summary>
    public decimal CurrentDrawdownFraction => Peak > 0m ? CurrentDrawdown / Peak : 0m;

    /// <summary>Largest fractional drawdown seen.</summary>
    public decimal MaxDrawdownFraction { get; private set; }

    /// <summary>Largest drawdown seen, in USDT (it need not be the same episode as the largest fraction).</summary>
    public decimal MaxDrawdown { get; private set; }

    /// <summary>Longest time spent below a previous peak, in milliseconds, counting the current episode so far.</summary>
    public long MaxDrawdownDurationMs => Math.Max(_longestFinishedMs, CurrentDrawdown > 0m ? _lastTimeMs - _peakTimeMs : 0);

    /// <summary>Adds the next equity sample; samples must come in time order.</summary>
    /// <exception cref="ArgumentException">The sample is older than the previous one.</exception>
    public void Update(long timestampMs, decimal equity)
    {
        if (_hasSample && timestampMs < _lastTimeMs)
        {
            throw new ArgumentException(
                $"Equity sample at {timestampMs} is older than the previous one at {_lastTimeMs}; feed samples in time order.",
                nameof(timestampMs));
        }

        _lastTimeMs = timestampMs;
        if (!_hasSample || equity >= Peak)
        {
            if (_hasSample && CurrentDrawdown > 0m)
            {
                _longestFinishedMs = Math.Max(_longestFinishedMs, timestampMs - _peakTimeMs);
            }

            _hasSample = true;
            Peak = equity;
            _peakTimeMs = timestampMs;
            CurrentDrawdown = 0m;
            _dividedDrawdown = 0m;
            return;
        }

        CurrentDrawdown = Peak - equity;
        MaxDrawdown = Math.Max(MaxDrawdown, CurrentDrawdown);
        if (Peak > 0m && CurrentDrawdown > _dividedDrawdown)
        {
            _dividedDrawdown = CurrentDrawdown;
            MaxDrawdownFraction = Math.Max(MaxDrawdownFraction, CurrentDrawdown / Peak);
        }
    }
}
