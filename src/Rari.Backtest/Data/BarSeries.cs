using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Venue;

namespace Rari.Backtest.Data;

/// <summary>
/// One symbol's bars, loaded once into an array and shared read-only by every run (sweeps run in parallel over the
/// same array). A series is a window <c>[Start, End)</c> of that array; slicing makes a new window, never a copy.
/// </summary>
/// <remarks>Invariant: open times strictly increase; the window is not empty.</remarks>
public sealed class BarSeries
{
    private readonly ConsistencyCheck _consistency;

    /// <summary>Creates a series over the whole array.</summary>
    /// <exception cref="ArgumentException">The array is empty or its open times do not strictly increase.</exception>
    public BarSeries(Symbol symbol, Kline[] bars)
        : this(symbol, bars, 0, bars?.Length ?? 0, new ConsistencyCheck())
    {
        for (var i = 1; i < bars!.Length; i++)
        {
            if (bars[i].OpenTimeMs <= bars[i - 1].OpenTimeMs)
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"{symbol}: bar {i} opens at {bars[i].OpenTimeMs}, not after the previous one ({bars[i - 1].OpenTimeMs})."),
                    nameof(bars));
            }
        }
    }

    private BarSeries(Symbol symbol, Kline[] bars, int start, int end, ConsistencyCheck consistency)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (start < 0 || end > bars.Length || start >= end)
        {
            throw new ArgumentException(FormattableString.Invariant($"{symbol} has no bars in [{start}, {end})."), nameof(bars));
        }

        Symbol = symbol;
        Bars = bars;
        Start = start;
        End = end;
        _consistency = consistency;
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol { get; }

    /// <summary>
    /// Whether every bar of the whole array is one the venue accepts (<see cref="SimulatedVenue.IsConsistent"/>), so
    /// that a run may hand them over unchecked (<see cref="SimulatedVenue.OnCheckedKline"/>). Checked on the first
    /// ask and remembered for every window of the array: a sweep or a benchmark replays the same bars many times.
    /// </summary>
    public bool AreBarsConsistent => _consistency.Of(Bars);

    /// <summary>The whole shared array (read it, never change it); the series is <c>[Start, End)</c> of it.</summary>
    public Kline[] Bars { get; }

    /// <summary>Index of the first bar of the series.</summary>
    public int Start { get; }

    /// <summary>Index after the last bar of the series.</summary>
    public int End { get; }

    /// <summary>Number of bars in the series.</summary>
    public int Count => End - Start;

    /// <summary>Open time of the first bar.</summary>
    public long FirstOpenMs => Bars[Start].OpenTimeMs;

    /// <summary>Open time of the last bar.</summary>
    public long LastOpenMs => Bars[End - 1].OpenTimeMs;

    /// <summary>The bar interval: the smallest gap between consecutive open times among the first bars (60,000 for 1-minute data).</summary>
    public long BarMs
    {
        get
        {
            var smallest = long.MaxValue;
            for (var i = Start + 1; i < Math.Min(End, Start + 1_000); i++)
            {
                smallest = Math.Min(smallest, Bars[i].OpenTimeMs - Bars[i - 1].OpenTimeMs);
            }

            return smallest == long.MaxValue ? 60_000 : smallest;
        }
    }

    /// <summary>The index of the first bar of the whole array opening at or after <paramref name="timeMs"/>.</summary>
    public int IndexAtOrAfter(long timeMs)
    {
        int low = 0, high = Bars.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Bars[mid].OpenTimeMs < timeMs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The bars opening in <c>[fromMs, toMs)</c> (within the whole array), or null when there are none.</summary>
    public BarSeries? Slice(long fromMs, long toMs)
    {
        var start = Math.Max(Start, IndexAtOrAfter(fromMs));
        var end = Math.Min(End, IndexAtOrAfter(toMs));
        return start < end ? new BarSeries(Symbol, Bars, start, end, _consistency) : null;
    }

    /// <summary>The series widened to start <paramref name="bars"/> earlier, as far as the array allows (for warm-up).</summary>
    public BarSeries WithHistory(int bars) =>
        bars <= 0 || Start == 0 ? this : new BarSeries(Symbol, Bars, Math.Max(0, Start - bars), End, _consistency);

    /// <summary>The answer of <see cref="AreBarsConsistent"/> for one array, shared by its windows; parallel runs may both check it once.</summary>
    private sealed class ConsistencyCheck
    {
        private const int Unknown = 0;
        private const int Consistent = 1;
        private const int Inconsistent = 2;
        private int _state;

        public bool Of(Kline[] bars)
        {
            var state = Volatile.Read(ref _state);
            if (state == Unknown)
            {
                state = Consistent;
                foreach (ref readonly var bar in bars.AsSpan())
                {
                    if (!SimulatedVenue.IsConsistent(bar))
                    {
                        state = Inconsistent;
                        break;
                    }
                }

                Volatile.Write(ref _state, state);
            }

            return state == Consistent;
        }
    }
}
