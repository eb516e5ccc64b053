using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Replay;

/// <summary>The recorded 1-minute bars of one symbol, oldest first, with strictly increasing open times.</summary>
public sealed class SymbolSeries
{
    /// <summary>One minute, the bar length of recorded data.</summary>
    public const long BarMs = 60_000;

    // The bars as given; replaced by an appendable copy at the first Append (live markets only), so a replay's
    // recordings are never copied.
    private IReadOnlyList<Kline> _bars;

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
        _bars = bars;
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol { get; }

    /// <summary>The bars, oldest first.</summary>
    public IReadOnlyList<Kline> Bars => Volatile.Read(ref _bars);

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

    /// <summary>
    /// Appends a bar that closed after the last one (the live market's next minute); one writer at a time, readers may
    /// read meanwhile. Returns false, appending nothing, when the bar does not open after the last bar.
    /// </summary>
    /// <exception cref="ArgumentException">The bar does not open on a minute.</exception>
    internal bool Append(in Kline bar)
    {
        if (!KlineInterval.OneMinute.IsOpenTime(bar.OpenTimeMs))
        {
            throw new ArgumentException($"{Symbol}: a bar opening at {bar.OpenTimeMs} is not on a minute.", nameof(bar));
        }

        var bars = Bars;
        if (bar.OpenTimeMs <= bars[^1].OpenTimeMs)
        {
            return false;
        }

        if (bars is not AppendOnlyBars appendable)
        {
            appendable = new AppendOnlyBars(bars);
            Volatile.Write(ref _bars, appendable);
        }

        appendable.Add(bar);
        return true;
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
