using System.Globalization;
using System.IO.Compression;
using System.Text;
using Rari.Domain.Data;
using Rari.Domain.Market;

namespace Rari.Node.Benchmarks.PaperRun;

/// <summary>
/// The market of the 20-symbol paper run: ../shared/data holds recordings of 8 perpetuals over different periods, so
/// every recording is shifted in time to start at one common minute and replayed side by side. The five recordings of
/// 2025-05-04 keep their names; a shifted one is named after its base asset and the day it starts
/// (<c>BTC230718USDT</c>); the last symbols replay the 2025 recordings from their fourth week on. Prices, volumes and
/// the order of the moves are the recorded ones; only the calendar is moved.
/// </summary>
internal static class PaperRunData
{
    private const int Symbols = 20;
    private static readonly TimeSpan LaterStart = TimeSpan.FromDays(21);

    /// <summary>Writes the 20 symbol files into <paramref name="folder"/>, each at most <paramref name="bars"/> bars; returns the symbols.</summary>
    /// <exception cref="InvalidDataException">The data folder holds fewer than 20 recordings to make the symbols of.</exception>
    public static IReadOnlyList<string> Write(string dataDirectory, string folder, int bars)
    {
        var files = Directory.GetFiles(Path.Combine(dataDirectory, "klines"), "*-1m-*.csv.gz", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f).Contains("-2025", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        var sources = new List<(string File, TimeSpan Skip)>();
        sources.AddRange(files.Select(f => (f, TimeSpan.Zero)));
        sources.AddRange(files.Where(f => Path.GetFileName(f).Contains("-2025", StringComparison.Ordinal)).Select(f => (f, LaterStart)));
        if (sources.Count < Symbols)
        {
            throw new InvalidDataException($"{dataDirectory} holds {files.Count} 1m kline recordings; the 20-symbol paper run makes its symbols from at least 15.");
        }

        Directory.CreateDirectory(folder);
        var start = KlineCsvReader.Read(sources[0].File).First().OpenTimeMs;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, skip) in sources)
        {
            if (names.Count == Symbols)
            {
                break;
            }

            var recorded = KlineCsvReader.Read(file).ToList();
            var first = recorded[0].OpenTimeMs + (long)skip.TotalMilliseconds;
            var kept = recorded.Where(k => k.OpenTimeMs >= first).Take(bars).ToList();
            var name = NameOf(file, first, shifted: first != start);
            if (kept.Count == 0 || !names.Add(name))
            {
                continue;
            }

            WriteFile(Path.Combine(folder, $"{name}-1m-paper.csv.gz"), kept, start - first);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    private static string NameOf(string file, long firstOpenMs, bool shifted)
    {
        var symbol = SymbolFromFileName.ParseSymbol(file).Value;
        if (!shifted)
        {
            return symbol;
        }

        var day = DateTimeOffset.FromUnixTimeMilliseconds(firstOpenMs).ToString("yyMMdd", CultureInfo.InvariantCulture);
        return symbol[..^"USDT".Length] + day + "USDT";
    }

    // The simulator's recorded layout (open_time_ms,open,high,low,close,volume,quote_volume,trades), every bar moved by shiftMs.
    private static void WriteFile(string path, List<Kline> bars, long shiftMs)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        writer.Write("open_time_ms,open,high,low,close,volume,quote_volume,trades\n");
        foreach (var bar in bars)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{bar.OpenTimeMs + shiftMs},{bar.Open},{bar.High},{bar.Low},{bar.Close},{bar.Volume},,\n"));
        }
    }
}
