using System.Text.Json;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Market;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Streams;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// Builds the stream payloads of one replayed minute (fact sheet §4.3 field names). Event time <c>E</c> is the market
/// time at the minute's close; trade times come from the synthetic trades.
/// </summary>
internal static class MarketStreamPayloads
{
    /// <summary>The payloads a stream publishes for a minute, in order (several for aggTrade, one for most).</summary>
    public static IReadOnlyList<string> For(StreamName stream, ReplayedBarsEventArgs minute)
    {
        var time = minute.MarketTimeMs;
        switch (stream.Kind)
        {
            case StreamKind.AllMarkPrice:
                return [JsonBody.BuildText(w =>
                {
                    w.WriteStartArray();
                    foreach (var bar in minute.Bars)
                    {
                        WriteMarkPrice(w, bar.Symbol, time);
                    }

                    w.WriteEndArray();
                })];
            case StreamKind.AllMiniTicker:
                return [JsonBody.BuildText(w =>
                {
                    w.WriteStartArray();
                    foreach (var bar in minute.Bars)
                    {
                        WriteTicker(w, bar.Symbol, time, mini: true);
                    }

                    w.WriteEndArray();
                })];
            case StreamKind.AllTicker:
                return [JsonBody.BuildText(w =>
                {
                    w.WriteStartArray();
                    foreach (var bar in minute.Bars)
                    {
                        WriteTicker(w, bar.Symbol, time, mini: false);
                    }

                    w.WriteEndArray();
                })];
            case StreamKind.AllBookTicker:
                return [.. minute.Bars.Select(bar => JsonBody.BuildText(w => WriteBookTicker(w, bar, time)))];
        }

        var replayed = minute.Bars.FirstOrDefault(b => b.Symbol == stream.Market);
        if (replayed is null)
        {
            return [];
        }

        var market = replayed.Symbol;
        return stream.Kind switch
        {
            StreamKind.AggTrade => [.. SyntheticTrades.Of(market.Series, replayed.Index, market.Spec.QuantityDecimals)
                .Select(trade => JsonBody.BuildText(w => WriteAggTrade(w, market, trade, time)))],
            StreamKind.MarkPrice => [JsonBody.BuildText(w => WriteMarkPrice(w, market, time))],
            StreamKind.Kline => [JsonBody.BuildText(w => WriteKline(w, stream, replayed, time))],
            StreamKind.PartialDepth => [JsonBody.BuildText(w => WriteDepth(w, replayed, time, stream.Levels))],
            StreamKind.DiffDepth => [JsonBody.BuildText(w => WriteDepth(w, replayed, time, levels: 0))],
            StreamKind.BookTicker => [JsonBody.BuildText(w => WriteBookTicker(w, replayed, time))],
            StreamKind.Ticker => [JsonBody.BuildText(w => WriteTicker(w, market, time, mini: false))],
            StreamKind.MiniTicker => [JsonBody.BuildText(w => WriteTicker(w, market, time, mini: true))],
            _ => [],
        };
    }

    /// <summary>An <c>aggTrade</c> event: the trade's id stands for its first and last trade ids too.</summary>
    public static void WriteAggTrade(Utf8JsonWriter w, MarketSymbol market, SyntheticTrade trade, long time)
    {
        w.WriteStartObject();
        w.WriteString("e", "aggTrade");
        w.WriteNumber("E", time);
        w.WriteString("s", market.Symbol.Value);
        w.WriteNumber("a", trade.Id);
        w.WriteString("p", MarketJson.Price(market, trade.Price));
        w.WriteString("q", MarketJson.Quantity(market, trade.Quantity));
        w.WriteNumber("f", trade.Id);
        w.WriteNumber("l", trade.Id);
        w.WriteNumber("T", trade.TimeMs);
        w.WriteBoolean("m", trade.IsBuyerMaker);
        w.WriteEndObject();
    }

    private static void WriteMarkPrice(Utf8JsonWriter w, MarketSymbol market, long time)
    {
        // A replay has no index or settlement feed: the last close stands for all three prices.
        var price = market.Series.Bars[Math.Max(0, market.ReplayedCount - 1)].Close;
        WriteMarkPrice(w, market, time, new MarkPriceUpdate(market.Symbol, price, price, price, market.Spec.FundingRate, market.Spec.NextFundingTime(time), time));
    }

    /// <summary>A <c>markPriceUpdate</c> event.</summary>
    public static void WriteMarkPrice(Utf8JsonWriter w, MarketSymbol market, long time, in MarkPriceUpdate mark)
    {
        w.WriteStartObject();
        w.WriteString("e", "markPriceUpdate");
        w.WriteNumber("E", time);
        w.WriteString("s", market.Symbol.Value);
        w.WriteString("p", MarketJson.Price(market, mark.MarkPrice));
        w.WriteString("i", MarketJson.Price(market, mark.IndexPrice));
        w.WriteString("P", MarketJson.Price(market, mark.EstimatedSettlePrice));
        w.WriteString("r", AsterNumber.Fixed(mark.FundingRate, 8));
        w.WriteNumber("T", mark.NextFundingTimeMs);
        w.WriteEndObject();
    }

    private static void WriteKline(Utf8JsonWriter w, StreamName stream, ReplayedBar replayed, long time)
    {
        var market = replayed.Symbol;
        var interval = stream.Interval;
        var (bar, closed) = MarketViews.BarInProgress(market, interval, replayed.Index);
        var closeTime = interval.NextOpenTime(bar.OpenTimeMs) - 1;
        var firstIndex = market.Series.FirstAtOrAfter(bar.OpenTimeMs);
        var (takerBase, takerQuote) = MarketViews.TakerBuy(market, bar.OpenTimeMs, replayed.Bar.OpenTimeMs + SymbolSeries.BarMs);
        var tradeIds = ((SyntheticTrades.PerBar * (long)firstIndex) + 1, SyntheticTrades.PerBar * (replayed.Index + 1L));
        WriteKline(w, market, time, new KlineUpdate(market.Symbol, interval, bar, closed, closeTime, takerBase, takerQuote), tradeIds);
    }

    /// <summary>A <c>kline</c> event; <paramref name="tradeIds"/> (first and last trade of the bar) are written when known.</summary>
    public static void WriteKline(Utf8JsonWriter w, MarketSymbol market, long time, KlineUpdate update, (long First, long Last)? tradeIds)
    {
        var bar = update.Kline;
        w.WriteStartObject();
        w.WriteString("e", "kline");
        w.WriteNumber("E", time);
        w.WriteString("s", market.Symbol.Value);
        w.WriteStartObject("k");
        w.WriteNumber("t", bar.OpenTimeMs);
        w.WriteNumber("T", update.CloseTimeMs);
        w.WriteString("s", market.Symbol.Value);
        w.WriteString("i", update.Interval.ToString());
        if (tradeIds is var (first, last))
        {
            w.WriteNumber("f", first);
            w.WriteNumber("L", last);
        }

        w.WriteString("o", MarketJson.Price(market, bar.Open));
        w.WriteString("c", MarketJson.Price(market, bar.Close));
        w.WriteString("h", MarketJson.Price(market, bar.High));
        w.WriteString("l", MarketJson.Price(market, bar.Low));
        w.WriteString("v", MarketJson.Quantity(market, bar.Volume));
        w.WriteNumber("n", bar.Trades);
        w.WriteBoolean("x", update.IsClosed);
        w.WriteString("q", AsterNumber.Plain(bar.QuoteVolume));
        w.WriteString("V", MarketJson.Quantity(market, update.TakerBuyVolume));
        w.WriteString("Q", AsterNumber.Plain(update.TakerBuyQuoteVolume));
        w.WriteString("B", "0");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A partial-book snapshot (<paramref name="levels"/> &gt; 0) or the diff of this minute (0).</summary>
    private static void WriteDepth(Utf8JsonWriter w, ReplayedBar replayed, long time, int levels)
    {
        var market = replayed.Symbol;
        var spec = market.Spec;
        var series = market.Series;
        var previous = replayed.Index > 0 ? series.Bars[replayed.Index - 1].Close : series.Bars[0].Open;
        var (bids, asks) = levels > 0
            ? SyntheticBook.Top(spec, replayed.Bar.Close, levels)
            : SyntheticBook.Diff(spec, previous, replayed.Bar.Close);
        w.WriteStartObject();
        w.WriteString("e", "depthUpdate");
        w.WriteNumber("E", time);
        w.WriteNumber("T", time);
        w.WriteString("s", market.Symbol.Value);
        w.WriteNumber("U", replayed.BookUpdateId);
        w.WriteNumber("u", replayed.BookUpdateId);
        w.WriteNumber("pu", replayed.BookUpdateId - 1);
        MarketJson.WriteLevels(w, "b", spec, bids);
        MarketJson.WriteLevels(w, "a", spec, asks);
        w.WriteEndObject();
    }

    private static void WriteBookTicker(Utf8JsonWriter w, ReplayedBar replayed, long time)
    {
        var market = replayed.Symbol;
        var (bids, asks) = SyntheticBook.Top(market.Spec, replayed.Bar.Close, 1);
        w.WriteStartObject();
        w.WriteString("e", "bookTicker");
        w.WriteNumber("u", replayed.BookUpdateId);
        w.WriteNumber("E", time);
        w.WriteNumber("T", time);
        w.WriteString("s", market.Symbol.Value);
        w.WriteString("b", MarketJson.Price(market, bids[0].Price));
        w.WriteString("B", MarketJson.Quantity(market, bids[0].Quantity));
        w.WriteString("a", MarketJson.Price(market, asks[0].Price));
        w.WriteString("A", MarketJson.Quantity(market, asks[0].Quantity));
        w.WriteEndObject();
    }

    private static void WriteTicker(Utf8JsonWriter w, MarketSymbol market, long time, bool mini)
    {
        var t = MarketViews.Ticker(market, time);
        w.WriteStartObject();
        w.WriteString("e", mini ? "24hrMiniTicker" : "24hrTicker");
        w.WriteNumber("E", time);
        w.WriteString("s", market.Symbol.Value);
        if (!mini)
        {
            w.WriteString("p", MarketJson.Price(market, t.PriceChange));
            w.WriteString("P", AsterNumber.Fixed(t.PriceChangePercent, 3));
            w.WriteString("w", AsterNumber.Fixed(t.WeightedAveragePrice, market.Spec.PriceDecimals));
        }

        w.WriteString("c", MarketJson.Price(market, t.LastPrice));
        if (!mini)
        {
            w.WriteString("Q", MarketJson.Quantity(market, t.LastQuantity));
        }

        w.WriteString("o", MarketJson.Price(market, t.OpenPrice));
        w.WriteString("h", MarketJson.Price(market, t.HighPrice));
        w.WriteString("l", MarketJson.Price(market, t.LowPrice));
        w.WriteString("v", MarketJson.Quantity(market, t.Volume));
        w.WriteString("q", AsterNumber.Plain(t.QuoteVolume));
        if (!mini)
        {
            w.WriteNumber("O", t.OpenTimeMs);
            w.WriteNumber("C", t.CloseTimeMs);
            w.WriteNumber("F", t.FirstTradeId);
            w.WriteNumber("L", t.LastTradeId);
            w.WriteNumber("n", t.Count);
        }

        w.WriteEndObject();
    }
}
