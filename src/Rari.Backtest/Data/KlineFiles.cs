using System.Globalization;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Backtest.Data;

/// <summary>
/// Finds and loads recorded kline files (<c>SYMBOL-1m-….csv[.gz]</c>) into one <see cref="BarSeries"/> per symbol.
/// </summary>
/// <remarks>
/// <para>A directory contributes its own kline files (not those of sub-directories, so that spot and perpetual
/// recordings of one symbol are never mixed by accident). Several files of one symbol are merged in time order; a bar
/// that repeats an open time already loaded is dropped (recordings that overlap agree on it).</para>
/// <para>Only 1-minute files are accepted: the strategies count their windows in 1-minute bars.</para>
/// </remarks>
public static class KlineFiles
{
    /// <summary>The kline files named by <paramref name="paths"/> (files, or directories whose kline files are taken), sorted by name.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="InvalidDataException">A named file is not a 1-minute kline file, or nothing was found.</exception>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path))
                {
                    if (IsKlineFile(file))
                    {
                        files.Add(Path.GetFullPath(file));
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (!IsKlineFile(path))
                {
                    throw new InvalidDataException(
                        $"'{path}' is not a 1-minute kline file: expected a name like BTCUSDT-1m-20230718-20230817.csv.gz (.csv or .csv.gz).");
                }

                files.Add(Path.GetFullPath(path));
            }
            else
            {
                throw new FileNotFoundException($"'{path}' is neither a file nor a directory.", path);
            }
        }

        return files.Count > 0
            ? [.. files]
            : throw new InvalidDataException($"No 1-minute kline files (SYMBOL-1m-….csv or .csv.gz) in {string.Join(", ", paths)}.");
    }

    /// <summary>
    /// Loads the files, keeping the symbols asked for (all when <paramref name="symbols"/> is empty), one series per
    /// symbol in symbol order.
    /// </summary>
    /// <exception cref="InvalidDataException">A symbol asked for has no file, or a file's data is malformed (the message names the file and line).</exception>
    public static IReadOnlyList<BarSeries> Load(IReadOnlyList<string> files, IReadOnlyCollection<Symbol> symbols) =>
        Load(files, symbols, cache: null);

    /// <summary>
    /// Loads the files as <see cref="Load(IReadOnlyList{string}, IReadOnlyCollection{Symbol})"/> does, through a binary
    /// <paramref name="cache"/> when one is given (parsed and cached on the first load, read from the cache after).
    /// </summary>
    /// <exception cref="InvalidDataException">A symbol asked for has no file, or a file's data is malformed (the message names the file and line).</exception>
    public static IReadOnlyList<BarSeries> Load(IReadOnlyList<string> files, IReadOnlyCollection<Symbol> symbols, KlineCache? cache)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(symbols);
        var bySymbol = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (symbol, _) = SymbolFromFileName.Parse(file);
            if (symbols.Count > 0 && !symbols.Contains(symbol))
            {
                continue;
            }

            if (!bySymbol.TryGetValue(symbol.Value, out var list))
            {
                bySymbol[symbol.Value] = list = [];
            }

            list.Add(file);
        }

        var missing = symbols.Where(s => !bySymbol.ContainsKey(s.Value)).Select(s => s.Value).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var found = files.Select(f => SymbolFromFileName.Parse(f).Symbol.Value).Distinct().Order(StringComparer.Ordinal);
            throw new InvalidDataException($"No data for {string.Join(", ", missing)}; the files hold {string.Join(", ", found)}.");
        }

        var series = new List<BarSeries>(bySymbol.Count);
        foreach (var (symbol, symbolFiles) in bySymbol)
        {
            series.Add(new BarSeries(new Symbol(symbol), Merge(symbolFiles, cache)));
        }

        return series;
    }

    /// <summary>Gaps longer than <paramref name="longerThanMs"/> between consecutive bars of a series, as text for a warning.</summary>
    public static IReadOnlyList<string> DescribeGaps(BarSeries series, long longerThanMs)
    {
        ArgumentNullException.ThrowIfNull(series);
        var gaps = new List<string>();
        for (var i = series.Start + 1; i < series.End; i++)
        {
            var gap = series.Bars[i].OpenTimeMs - series.Bars[i - 1].OpenTimeMs;
            if (gap > longerThanMs)
            {
                var from = DateTimeOffset.FromUnixTimeMilliseconds(series.Bars[i - 1].OpenTimeMs).UtcDateTime;
                gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{series.Symbol}: no bars for {gap / 3_600_000.0:0.#} h after {from:yyyy-MM-dd HH:mm} UTC"));
            }
        }

        return gaps;
    }

    private static Kline[] Merge(List<string> files, KlineCache? cache)
    {
        var loaded = new List<Kline[]>(files.Count);
        foreach (var file in files)
        {
            try
            {
                loaded.Add(cache is null ? [.. KlineCsvReader.Read(file)] : cache.Load(file));
            }
            catch (MarketDataFormatException e)
            {
                throw new InvalidDataException(e.Message, e);
            }
        }

        loaded.RemoveAll(bars => bars.Length == 0);
        loaded.Sort((a, b) => a[0].OpenTimeMs.CompareTo(b[0].OpenTimeMs));
        var merged = new List<Kline>(loaded.Sum(bars => bars.Length));
        foreach (var bars in loaded)
        {
            foreach (var bar in bars)
            {
                if (merged.Count == 0 || bar.OpenTimeMs > merged[^1].OpenTimeMs)
                {
                    merged.Add(bar);
                }
                else if (bar.OpenTimeMs < merged[^1].OpenTimeMs && merged.Count > 0)
                {
                    // An earlier file ran past this one's start and this bar falls inside it: insert in order.
                    var index = merged.BinarySearch(bar, OpenTimeComparer.Instance);
                    if (index < 0)
                    {
                        merged.Insert(~index, bar);
                    }
                }
            }
        }

        return [.. merged];
    }

    private static bool IsKlineFile(string path)
    {
        var name = Path.GetFileName(path);
        return (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase))
            && SymbolFromFileName.TryParse(name, out _, out var interval)
            && interval == KlineInterval.OneMinute;
    }

    private sealed class OpenTimeComparer : IComparer<Kline>
    {
        public static readonly OpenTimeComparer Instance = new();

        public int Compare(Kline x, Kline y) => x.OpenTimeMs.CompareTo(y.OpenTimeMs);
    }
}
