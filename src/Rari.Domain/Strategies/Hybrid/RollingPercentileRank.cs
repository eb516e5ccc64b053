using Rari.Domain.Indicators;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// The rank of each new value among the previous <see cref="Window"/> values of the same series, in [0, 1]: the share
/// of them below it, ties counting half (so a constant series ranks 0.5, not 1).
/// </summary>
/// <remarks>O(window) per update, no allocation; the detector updates it once per aggregated bar.</remarks>
public sealed class RollingPercentileRank
{
    private readonly RollingWindow<double> _past;

    /// <summary>Creates an empty ranker.</summary>
    /// <param name="window">How many past values a new one is ranked among; at least 1.</param>
    public RollingPercentileRank(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _past = new RollingWindow<double>(window);
    }

    /// <summary>How many past values a new one is ranked among.</summary>
    public int Window => _past.Capacity;

    /// <summary>True once <see cref="Window"/> values are held, so ranks are defined.</summary>
    public bool IsReady => _past.IsFull;

    /// <summary>Ranks <paramref name="value"/> among the held values, then adds it (dropping the oldest).</summary>
    /// <returns>The rank in [0, 1]; NaN until <see cref="IsReady"/>.</returns>
    public double RankAndAdd(double value)
    {
        var rank = double.NaN;
        if (_past.IsFull)
        {
            var below = 0;
            var equal = 0;
            for (var lag = 0; lag < _past.Count; lag++)
            {
                var past = _past[lag];
                if (past < value)
                {
                    below++;
                }
                else if (past == value)
                {
                    equal++;
                }
            }

            rank = (below + (0.5 * equal)) / _past.Count;
        }

        _past.Add(value);
        return rank;
    }

    /// <summary>Forgets every value.</summary>
    public void Reset() => _past.Clear();
}
