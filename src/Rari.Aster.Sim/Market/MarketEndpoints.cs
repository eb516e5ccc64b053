using System.Globalization;
using System.Text.Json;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Live;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Market;

/// <summary>
/// The public market-data endpoints (fact sheet §3.1), answered from the replay at the current market time: only
/// replayed bars are visible. Prices keep at least the tick's decimals, quantities the step's. In a live market
/// (<paramref name="live"/> not null) the book, best bid/ask, mark and recent trades are the upstream's.
/// </summary>
internal sealed partial class MarketEndpoints(MarketReplay replay, LiveMarket? live = null)
{
    private static readonly int[] DepthLimits = [5, 10, 20, 50, 100, 500, 1000];

    /// <summary>The depth weight for a limit: 2 up to 50, 5 at 100, 10 at 500, 20 at 1000.</summary>
    public static int DepthWeight(RequestParameters p) => (p.OptionalLong("limit") ?? 500) switch
    {
        <= 50 => 2,
        <= 100 => 5,
        <= 500 => 10,
        _ => 20,
    };

    /// <summary>The klines weight for a limit: 1 below 100, 2 below 500, 5 up to 1000, 10 above.</summary>
    public static int KlinesWeight(RequestParameters p) => (p.OptionalLong("limit") ?? 500) switch
    {
        < 100 => 1,
        < 500 => 2,
        <= 1000 => 5,
        _ => 10,
    };

    /// <summary>The served symbol named by a parameter.</summary>
    /// <exception cref="AsterErrorException">−1102 when missing, −1121 when not served.</exception>
    public MarketSymbol Require(RequestParameters p, string name = "symbol") =>
        Symbol.TryParse(p.Required(name), out var symbol) && replay.Find(symbol) is { } market
            ? market
            : throw new AsterErrorException(AsterErrors.InvalidSymbol());

    /// <summary>The symbols a request covers: the one named, or all when the parameter is absent.</summary>
    public IReadOnlyList<MarketSymbol> OneOrAll(RequestParameters p, string name = "symbol") =>
        p.Optional(name) is null ? replay.Symbols : [Require(p, name)];

    public SimReply Depth(RequestParameters p)
    {
        var market = Require(p);
        var limit = (int)(p.OptionalLong("limit") ?? 500);
        if (Array.IndexOf(DepthLimits, limit) < 0)
        {
            throw new AsterErrorException(new AsterError(-4021, "Invalid depth limit: use 5, 10, 20, 50, 100, 500 or 1000."));
        }

        var time = replay.MarketTimeMs;
        var updateId = market.BookUpdateId;
        var (bids, asks) = SyntheticBook.Top(market.Spec, market.LastPrice, limit);
        if (live is not null)
        {
            (updateId, var liveBids, var liveAsks) = live.Depth(market.Symbol, limit);
            (bids, asks) = (Synthetic(liveBids), Synthetic(liveAsks));
        }

        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("lastUpdateId", updateId);
            w.WriteNumber("E", time);
            w.WriteNumber("T", time);
            MarketJson.WriteLevels(w, "bids", market.Spec, bids);
            MarketJson.WriteLevels(w, "asks", market.Spec, asks);
            w.WriteEndObject();
        });
    }

    public SimReply Trades(RequestParameters p)
    {
        var market = Require(p);
        var limit = p.BoundedInt("limit", 500, 1, 1000);
        if (live is not null)
        {
            return TradeList(market, live.RecentTrades(market.Symbol).TakeLast(limit));
        }

        var trades = new List<SyntheticTrade>();
        for (var i = market.ReplayedCount - 1; i >= 0 && trades.Count < limit; i--)
        {
            trades.InsertRange(0, SyntheticTrades.Of(market.Series, i, market.Spec.QuantityDecimals));
        }

        return TradeList(market, trades.TakeLast(limit));
    }

    public SimReply HistoricalTrades(RequestParameters p)
    {
        var market = Require(p);
        var limit = p.BoundedInt("limit", 500, 1, 1000);
        if (p.OptionalLong("fromId") is not { } fromId)
        {
            return Trades(p);
        }

        var from = live is null ? TradesFrom(market, fromId) : live.RecentTrades(market.Symbol).Where(t => t.Id >= fromId);
        return TradeList(market, from.Take(limit));
    }

    public SimReply AggTrades(RequestParameters p)
    {
        var market = Require(p);
        var limit = p.BoundedInt("limit", 500, 1, 1000);
        var start = p.OptionalLong("startTime");
        var end = p.OptionalLong("endTime");
        if (start is { } s && end is { } e)
        {
            if (s > e)
            {
                throw new AsterErrorException(AsterErrors.StartAfterEnd());
            }

            if (e - s >= 3_600_000)
            {
                throw new AsterErrorException(new AsterError(-1127, "More than 1 hours between startTime and endTime."));
            }
        }

        IEnumerable<SyntheticTrade> trades;
        if (live is not null)
        {
            // The upstream's recent aggregate trades as they arrived: a live market invents none.
            var recent = live.RecentTrades(market.Symbol);
            trades = p.OptionalLong("fromId") is { } first ? recent.Where(t => t.Id >= first)
                : start is not null || end is not null ? recent.Where(t => t.TimeMs >= (start ?? long.MinValue) && t.TimeMs <= (end ?? long.MaxValue))
                : recent.TakeLast(limit);
        }
        else if (p.OptionalLong("fromId") is { } fromId)
        {
            trades = TradesFrom(market, fromId);
        }
        else if (start is not null || end is not null)
        {
            var from = start ?? (end!.Value - 3_600_000 + 1);
            var to = end ?? (from + 3_600_000 - 1);
            trades = TradesFrom(market, (SyntheticTrades.PerBar * (long)market.Series.FirstAtOrAfter(from - SymbolSeries.BarMs)) + 1)
                .SkipWhile(t => t.TimeMs < from)
                .TakeWhile(t => t.TimeMs <= to);
        }
        else
        {
            var recent = new List<SyntheticTrade>();
            for (var i = market.ReplayedCount - 1; i >= 0 && recent.Count < limit; i--)
            {
                recent.InsertRange(0, SyntheticTrades.Of(market.Series, i, market.Spec.QuantityDecimals));
            }

            trades = recent.TakeLast(limit);
        }

        var selected = trades.Take(limit).ToList();
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var trade in selected)
            {
                w.WriteStartObject();
                w.WriteNumber("a", trade.Id);
                w.WriteString("p", MarketJson.Price(market, trade.Price));
                w.WriteString("q", MarketJson.Quantity(market, trade.Quantity));
                w.WriteNumber("f", trade.Id);
                w.WriteNumber("l", trade.Id);
                w.WriteNumber("T", trade.TimeMs);
                w.WriteBoolean("m", trade.IsBuyerMaker);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary><c>klines</c>, <c>markPriceKlines</c> (mark = last) and <c>indexPriceKlines</c> (<c>pair</c>; index = last).</summary>
    public SimReply Klines(RequestParameters p, bool priceOnly, string symbolParameter = "symbol")
    {
        var market = Require(p, symbolParameter);
        if (!KlineInterval.TryParse(p.Required("interval"), out var interval))
        {
            throw new AsterErrorException(AsterErrors.InvalidInterval());
        }

        var limit = p.BoundedInt("limit", 500, 1, 1500);
        var start = p.OptionalLong("startTime");
        var end = p.OptionalLong("endTime");
        if (start > end)
        {
            throw new AsterErrorException(AsterErrors.StartAfterEnd());
        }

        var bars = MarketViews.Select(market, interval, start, end, limit);
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var bar in bars)
            {
                MarketJson.WriteKlineArray(w, market, interval, bar, priceOnly);
            }

            w.WriteEndArray();
        });
    }

    private static SyntheticLevel[] Synthetic(IReadOnlyList<BookLevel> levels) => [.. levels.Select(l => new SyntheticLevel(l.Price, l.Quantity))];

    private static SimReply TradeList(MarketSymbol market, IEnumerable<SyntheticTrade> trades)
    {
        var list = trades.ToList();
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var trade in list)
            {
                w.WriteStartObject();
                w.WriteNumber("id", trade.Id);
                w.WriteString("price", MarketJson.Price(market, trade.Price));
                w.WriteString("qty", MarketJson.Quantity(market, trade.Quantity));
                w.WriteString("quoteQty", AsterNumber.Plain(trade.Price * trade.Quantity));
                w.WriteNumber("time", trade.TimeMs);
                w.WriteBoolean("isBuyerMaker", trade.IsBuyerMaker);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Replayed trades with id ≥ <paramref name="fromId"/>, oldest first.</summary>
    private static IEnumerable<SyntheticTrade> TradesFrom(MarketSymbol market, long fromId)
    {
        var end = market.ReplayedCount;
        for (var i = Math.Max(0, SyntheticTrades.Locate(Math.Max(1, fromId))); i < end; i++)
        {
            foreach (var trade in SyntheticTrades.Of(market.Series, i, market.Spec.QuantityDecimals))
            {
                if (trade.Id >= fromId)
                {
                    yield return trade;
                }
            }
        }
    }
}
