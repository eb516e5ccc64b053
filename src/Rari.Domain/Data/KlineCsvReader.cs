using Rari.Domain.Market;

namespace Rari.Domain.Data;

/// <summary>
/// Streams klines from CSV files in constant memory: this project's recorded data
/// (<c>open_time_ms,open,high,low,close,volume,quote_volume,trades</c>) and Binance's kline export
/// (data.binance.vision, 12 columns, with or without a header), plain or gzip-compressed.
/// </summary>
/// <remarks>
/// <para>The layout is recognised from the header or, without one, from the column count (8 or 12). Gzip is
/// recognised by its magic bytes, not by the file name. Binance open times of 16 digits are microseconds (Binance
/// spot exports from 2025 on) and are converted to milliseconds.</para>
/// <para>Every row is checked: numbers parse in the invariant culture as exact decimals, prices are positive and
/// volumes non-negative, low ≤ min(open, close) ≤ max(open, close) ≤ high, and open times strictly increase. In the
/// recorded layout quote_volume and trades may be empty (read as 0). Empty lines are skipped. The first bad row stops
/// the enumeration with a <see cref="MarketDataFormatException"/> naming the file, line and column.</para>
/// <para>Binance's close_time and taker-buy columns are checked but not kept: <see cref="Kline"/> has no field for them.</para>
/// </remarks>
public static class KlineCsvReader
{
    /// <summary>
    /// Reads a kline file lazily. Each enumeration opens the file afresh; the file stays open only while it is being
    /// enumerated.
    /// </summary>
    /// <param name="path">A <c>.csv</c> or <c>.csv.gz</c> file.</param>
    /// <exception cref="MarketDataFormatException">During enumeration, at the first malformed line.</exception>
    public static IEnumerable<Kline> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Enumerate(() => new KlineCsvParser(Utf8LineReader.Open(path), Path.GetFileName(path)));
    }

    /// <summary>
    /// Reads klines lazily from a stream (plain or gzip). The stream is read once, from its current position, and is
    /// not disposed; enumerate the result only once.
    /// </summary>
    /// <param name="stream">The CSV data.</param>
    /// <param name="sourceName">How error messages name the data, e.g. the file name it came from.</param>
    /// <exception cref="MarketDataFormatException">During enumeration, at the first malformed line.</exception>
    public static IEnumerable<Kline> Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Enumerate(() => new KlineCsvParser(Utf8LineReader.Open(stream, ownsStream: false, sourceName), sourceName));
    }

    private static IEnumerable<Kline> Enumerate(Func<KlineCsvParser> open)
    {
        using var parser = open();
        while (parser.TryRead(out var kline))
        {
            yield return kline;
        }
    }
}
