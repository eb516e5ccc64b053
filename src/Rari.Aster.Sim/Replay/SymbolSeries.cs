using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Replay;

/// <summary>The recorded 1-minute bars of one symbol, oldest first, with strictly increasing open times.</summary>
public sealed class SymbolSeries
{
    /// <summary>One minute, the bar length of recorded data.</summary>
    public const long BarMs = 60_000;

    /// <summary>Keeps the bars of <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The bars are empty, not minute-aligned, or not strictly increasing.</exception>
    public SymbolSeries(Symbol symbol, IReadOnlyList<Kline> bars)
    {
        if (bars.Count == 0)
        {
            throw new ArgumentException($"{symbol} has no bars.", nameof(bars));
        }

        for (var i = 0; i < bars.Count; i++)
        {
            if (!KlineInterval.OneMinute.IsOpenTime(bars[i].OpenTimeMs))
            {
                throw new ArgumentException($"{symbol}: bar {i} opens at {bars[i].OpenTimeMs}, which is not on a minute.", nameof(bars));
            }

            if (i > 0 && bars[i].OpenTimeMs <= bars[i - 1].OpenTimeMs)
            {
                throw new ArgumentException($"{symbol}: bar {i} does not open after bar {i - 1}; files of one symbol must not overlap.", nameof(bars));
            }
        }

        Symbol = symbol;
        Bars = bars;
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol { get; }

    /// <summary>The bars, oldest first.</summary>
    public IReadOnlyList<Kline> Bars { get; }

    /// <summary>Open time of the first bar.</summary>
    public long FirstOpenMs => Bars[0].OpenTimeMs;

    /// <summary>Open time of the last bar.</summary>
    public long LastOpenMs => Bars[^1].OpenTimeMs;

    /// <summary>Loads and merges kline files, grouping them by the symbol in their file names.</summary>
    /// <exception cref="InvalidDataException">A file name does not name a 1m symbol file, or the files of a symbol overlap.</exception>
    public static IReadOnlyList<SymbolSeries> Load(IEnumerable<string> files)
    {
        var bySymbol = new SortedDictionary<string, List<Kline>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!SymbolFromFileName.TryParse(file, out var symbol, out var interval) || interval != KlineInterval.OneMinute)
            {
                throw new InvalidDataException($"Data file '{file}' is not named SYMBOL-1m-….csv[.gz]; the simulator replays 1-minute klines.");
            }

            if (!File.Exists(file))
            {
                throw new InvalidDataException($"Data file '{file}' does not exist.");
            }

            if (!bySymbol.TryGetValue(symbol.Value, out var bars))
            {
                bars = [];
                bySymbol.Add(symbol.Value, bars);
            }

            bars.AddRange(KlineCsvReader.Read(file));
        }

        var series = new List<SymbolSeries>();
        foreach (var (symbol, bars) in bySymbol)
        {
            bars.Sort((a, b) => a.OpenTimeMs.CompareTo(b.OpenTimeMs));
            try
            {
                series.Add(new SymbolSeries(new Symbol(symbol), bars));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException(e.Message, e);
            }
        }

        return series;
    }

    /// <summary>Index of the first bar opening at or after <paramref name="timeMs"/> (<see cref="Bars"/>.Count when none).</summary>
    public int FirstAtOrAfter(long timeMs)
    {
        int low = 0, high = Bars.Count;
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
}
