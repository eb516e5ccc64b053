using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Domain.Data;

/// <summary>
/// Reads the symbol (and, for kline files, the interval) from a recorded-data file name such as
/// <c>BTCUSDT-1m-20230718-20230817.csv.gz</c>, <c>APEUSDT-aggTrades-20241018.csv.gz</c> or Binance's
/// <c>BTCUSDT-1m-2024-02.csv</c>: the symbol is the text before the first <c>-</c>, the interval the text after it.
/// </summary>
public static class SymbolFromFileName
{
    /// <summary>Parses the symbol and kline interval of a kline file name or path.</summary>
    /// <exception cref="FormatException">The name does not start with <c>SYMBOL-INTERVAL-</c>.</exception>
    public static (Symbol Symbol, KlineInterval Interval) Parse(string pathOrFileName)
    {
        ArgumentNullException.ThrowIfNull(pathOrFileName);
        return TryParse(pathOrFileName, out var symbol, out var interval)
            ? (symbol, interval)
            : throw new FormatException(
                $"'{Path.GetFileName(pathOrFileName)}' is not a kline file name; expected SYMBOL-INTERVAL-…, e.g. BTCUSDT-1m-20230718-20230817.csv.gz.");
    }

    /// <summary>Parses the symbol and kline interval of a kline file name or path; false when it has neither.</summary>
    public static bool TryParse(string? pathOrFileName, out Symbol symbol, out KlineInterval interval)
    {
        interval = default;
        if (!TryParseSymbol(pathOrFileName, out symbol))
        {
            return false;
        }

        var name = Path.GetFileName(pathOrFileName.AsSpan());
        var rest = name[(name.IndexOf('-') + 1)..];
        var end = rest.IndexOfAny('-', '.');
        if (end <= 0 || !KlineInterval.TryParse(rest[..end], out interval))
        {
            symbol = default;
            return false;
        }

        return true;
    }

    /// <summary>Parses just the symbol of any recorded-data file name or path (kline, aggTrades, order book).</summary>
    /// <exception cref="FormatException">The name does not start with <c>SYMBOL-</c>.</exception>
    public static Symbol ParseSymbol(string pathOrFileName)
    {
        ArgumentNullException.ThrowIfNull(pathOrFileName);
        return TryParseSymbol(pathOrFileName, out var symbol)
            ? symbol
            : throw new FormatException(
                $"'{Path.GetFileName(pathOrFileName)}' does not start with a symbol; expected SYMBOL-…, e.g. APEUSDT-aggTrades-20241018.csv.gz.");
    }

    /// <summary>Parses just the symbol of any recorded-data file name or path; false when there is none.</summary>
    public static bool TryParseSymbol([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? pathOrFileName, out Symbol symbol)
    {
        symbol = default;
        if (string.IsNullOrEmpty(pathOrFileName))
        {
            return false;
        }

        var name = Path.GetFileName(pathOrFileName);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Symbol.TryParse(name[..dash], out symbol);
    }
}
