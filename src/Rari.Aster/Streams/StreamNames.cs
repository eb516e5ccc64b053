using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Streams;

/// <summary>
/// Aster's market stream names (fact sheet §4.3), spelled as the venue expects them: the symbol part lower case, the
/// event part exact (<c>kline_1m</c> is a minute, <c>kline_1M</c> a month).
/// </summary>
public static class StreamNames
{
    /// <summary>Aggregate trades: <c>btcusdt@aggTrade</c>.</summary>
    public static string AggTrade(Symbol symbol) => symbol.ToStreamName() + "@aggTrade";

    /// <summary>Klines of one interval: <c>btcusdt@kline_1m</c>; every update carries the bar so far and whether it closed.</summary>
    public static string Kline(Symbol symbol, KlineInterval interval) => symbol.ToStreamName() + "@kline_" + interval;

    /// <summary>Best bid and ask in real time: <c>btcusdt@bookTicker</c>.</summary>
    public static string BookTicker(Symbol symbol) => symbol.ToStreamName() + "@bookTicker";

    /// <summary>Mark price and funding every 3 s, or every second: <c>btcusdt@markPrice[@1s]</c>.</summary>
    public static string MarkPrice(Symbol symbol, bool everySecond = false) =>
        symbol.ToStreamName() + (everySecond ? "@markPrice@1s" : "@markPrice");

    /// <summary>
    /// The diff book, the input of a <see cref="LocalOrderBook"/>: <c>btcusdt@depth</c> (250 ms), or
    /// <c>@depth@100ms</c> / <c>@depth@500ms</c>.
    /// </summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="updateSpeedMs">250 (the default), 100 or 500.</param>
    /// <exception cref="ArgumentOutOfRangeException">Another speed.</exception>
    public static string Depth(Symbol symbol, int updateSpeedMs = 250) =>
        symbol.ToStreamName() + "@depth" + Speed(updateSpeedMs);

    /// <summary>The top <paramref name="levels"/> of the book as a full snapshot each time: <c>btcusdt@depth5</c>.</summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="levels">5, 10 or 20.</param>
    /// <param name="updateSpeedMs">250 (the default), 100 or 500.</param>
    /// <exception cref="ArgumentOutOfRangeException">Another level count or speed.</exception>
    public static string PartialDepth(Symbol symbol, int levels, int updateSpeedMs = 250)
    {
        if (levels is not (5 or 10 or 20))
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "Partial depth has 5, 10 or 20 levels.");
        }

        return symbol.ToStreamName() + "@depth" + levels.ToString(CultureInfo.InvariantCulture) + Speed(updateSpeedMs);
    }

    /// <summary>Rolling 24-hour statistics: <c>btcusdt@ticker</c>.</summary>
    public static string Ticker(Symbol symbol) => symbol.ToStreamName() + "@ticker";

    /// <summary>Rolling 24-hour prices and volumes: <c>btcusdt@miniTicker</c>.</summary>
    public static string MiniTicker(Symbol symbol) => symbol.ToStreamName() + "@miniTicker";

    /// <summary>Mark prices of every symbol, as an array: <c>!markPrice@arr</c>.</summary>
    public const string AllMarkPrices = "!markPrice@arr";

    /// <summary>Mini tickers of the symbols that changed, as an array: <c>!miniTicker@arr</c>.</summary>
    public const string AllMiniTickers = "!miniTicker@arr";

    /// <summary>Tickers of the symbols that changed, as an array: <c>!ticker@arr</c>.</summary>
    public const string AllTickers = "!ticker@arr";

    /// <summary>Best bid and ask of every symbol: <c>!bookTicker</c>.</summary>
    public const string AllBookTickers = "!bookTicker";

    /// <summary>
    /// Whether <paramref name="name"/> is a partial-depth stream (<c>@depth5</c>, <c>@depth10</c>, <c>@depth20</c>, with
    /// or without a speed): its <c>depthUpdate</c> payloads are snapshots, not diffs.
    /// </summary>
    public static bool IsPartialDepth(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = name.IndexOf("@depth", StringComparison.Ordinal);
        return at >= 0 && at + 6 < name.Length && char.IsAsciiDigit(name[at + 6]);
    }

    /// <summary>
    /// Whether <paramref name="name"/> could be a market stream name: non-empty ASCII without spaces, slashes or
    /// quotes, either <c>symbol@event…</c> or one of the <c>!…</c> all-symbol streams. The venue has the last word.
    /// </summary>
    public static bool IsWellFormed(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('@' or '_' or '!'))
            {
                return false;
            }
        }

        if (name[0] == '!')
        {
            return name.Length > 1 && name.IndexOf('!', 1) < 0;
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < name.Length - 1 && name.IndexOf('!', StringComparison.Ordinal) < 0;
    }

    private static string Speed(int updateSpeedMs) => updateSpeedMs switch
    {
        250 => string.Empty,
        100 => "@100ms",
        500 => "@500ms",
        _ => throw new ArgumentOutOfRangeException(nameof(updateSpeedMs), updateSpeedMs, "Depth streams update every 100, 250 or 500 ms."),
    };
}
