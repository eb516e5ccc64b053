using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Domain.Data;

/// <summary>
/// Streams aggregate trades from the recorded aggTrades files (<c>trade_id,time_ms,price,qty,is_buyer_maker</c>),
/// plain or gzip-compressed, in constant memory.
/// </summary>
/// <remarks>
/// Every row is checked: ids strictly increase, times never decrease, the price is positive, the quantity positive,
/// and <c>is_buyer_maker</c> is <c>true</c> or <c>false</c> (any case). The first bad row stops the enumeration with a
/// <see cref="MarketDataFormatException"/> naming the file, line and column.
/// </remarks>
public static class AggTradeCsvReader
{
    /// <summary>
    /// Reads a trades file lazily, taking the symbol from the file name (e.g. <c>APEUSDT-aggTrades-20241018.csv.gz</c>).
    /// Each enumeration opens the file afresh.
    /// </summary>
    /// <exception cref="FormatException">The file name does not start with a symbol.</exception>
    public static IEnumerable<Trade> Read(string path) => Read(path, SymbolFromFileName.ParseSymbol(path));

    /// <summary>Reads a trades file lazily for the given symbol. Each enumeration opens the file afresh.</summary>
    public static IEnumerable<Trade> Read(string path, Symbol symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Enumerate(() => new AggTradeCsvParser(Utf8LineReader.Open(path), Path.GetFileName(path), symbol));
    }

    /// <summary>
    /// Reads trades lazily from a stream (plain or gzip), once, from its current position; the stream is not disposed.
    /// </summary>
    /// <param name="stream">The CSV data.</param>
    /// <param name="sourceName">How error messages name the data.</param>
    /// <param name="symbol">The symbol the trades belong to.</param>
    public static IEnumerable<Trade> Read(Stream stream, string sourceName, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Enumerate(() => new AggTradeCsvParser(Utf8LineReader.Open(stream, ownsStream: false, sourceName), sourceName, symbol));
    }

    private static IEnumerable<Trade> Enumerate(Func<AggTradeCsvParser> open)
    {
        using var parser = open();
        while (parser.TryRead(out var trade))
        {
            yield return trade;
        }
    }
}
