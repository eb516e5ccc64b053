using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Streams;

/// <summary>The market streams the simulator publishes (fact sheet §4.3).</summary>
internal enum StreamKind
{
    AggTrade = 1,
    MarkPrice = 2,
    Kline = 3,
    PartialDepth = 4,
    DiffDepth = 5,
    BookTicker = 6,
    Ticker = 7,
    MiniTicker = 8,
    AllMarkPrice = 9,
    AllMiniTicker = 10,
    AllTicker = 11,
    AllBookTicker = 12,
    User = 13,
}

/// <summary>
/// A parsed stream name: <c>btcusdt@aggTrade</c>, <c>btcusdt@markPrice[@1s]</c>, <c>btcusdt@kline_1m</c>,
/// <c>btcusdt@depth5[@100ms|@500ms]</c>, <c>btcusdt@depth[@100ms|@500ms]</c>, <c>btcusdt@bookTicker</c>,
/// <c>btcusdt@ticker</c>, <c>btcusdt@miniTicker</c>, <c>!markPrice@arr[@1s]</c>, <c>!miniTicker@arr</c>,
/// <c>!ticker@arr</c>, <c>!bookTicker</c>, or a listenKey (the user data stream).
/// </summary>
/// <remarks>
/// The symbol part is matched without regard to case (the docs use lower case); the event-type part is
/// case-sensitive as on the exchange (<c>kline_1m</c> is a minute, <c>kline_1M</c> a month). The update-speed
/// suffixes are accepted; every stream publishes once per replayed minute.
/// </remarks>
/// <param name="Name">The name as the client sent it; echoed in combined wrappers and LIST_SUBSCRIPTIONS.</param>
/// <param name="Kind">What it carries.</param>
/// <param name="Market">The symbol, or null for the <c>!…</c> all-symbol streams and user streams.</param>
/// <param name="Interval">For klines, the interval.</param>
/// <param name="Levels">For partial depth, 5, 10 or 20.</param>
internal sealed record StreamName(string Name, StreamKind Kind, MarketSymbol? Market = null, KlineInterval Interval = default, int Levels = 0)
{
    /// <summary>Parses a market stream name; user streams (listenKeys) are recognised by the caller.</summary>
    public static StreamName? TryParseMarket(string name, MarketReplay replay)
    {
        switch (name)
        {
            case "!markPrice@arr" or "!markPrice@arr@1s":
                return new StreamName(name, StreamKind.AllMarkPrice);
            case "!miniTicker@arr":
                return new StreamName(name, StreamKind.AllMiniTicker);
            case "!ticker@arr":
                return new StreamName(name, StreamKind.AllTicker);
            case "!bookTicker":
                return new StreamName(name, StreamKind.AllBookTicker);
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || !Symbol.TryParse(name[..at], out var symbol) || replay.Find(symbol) is not { } market)
        {
            return null;
        }

        var type = name[(at + 1)..];
        if (type.StartsWith("kline_", StringComparison.Ordinal))
        {
            return KlineInterval.TryParse(type["kline_".Length..], out var interval)
                ? new StreamName(name, StreamKind.Kline, market, interval)
                : null;
        }

        type = StripSpeed(type);
        return type switch
        {
            "aggTrade" => new StreamName(name, StreamKind.AggTrade, market),
            "markPrice" or "markPrice@1s" => new StreamName(name, StreamKind.MarkPrice, market),
            "bookTicker" => new StreamName(name, StreamKind.BookTicker, market),
            "ticker" => new StreamName(name, StreamKind.Ticker, market),
            "miniTicker" => new StreamName(name, StreamKind.MiniTicker, market),
            "depth" => new StreamName(name, StreamKind.DiffDepth, market),
            "depth5" => new StreamName(name, StreamKind.PartialDepth, market, Levels: 5),
            "depth10" => new StreamName(name, StreamKind.PartialDepth, market, Levels: 10),
            "depth20" => new StreamName(name, StreamKind.PartialDepth, market, Levels: 20),
            _ => null,
        };
    }

    /// <summary>Whether a replayed minute concerns this stream.</summary>
    public bool Concerns(ReplayedBarsEventArgs minute) =>
        Market is null ? Kind != StreamKind.User : minute.Bars.Any(b => b.Symbol == Market);

    private static string StripSpeed(string type)
    {
        foreach (var suffix in (string[])["@100ms", "@500ms", "@250ms"])
        {
            if (type.EndsWith(suffix, StringComparison.Ordinal) && type.StartsWith("depth", StringComparison.Ordinal))
            {
                return type[..^suffix.Length];
            }
        }

        return type;
    }
}
