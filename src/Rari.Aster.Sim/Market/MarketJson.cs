using System.Text.Json;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Market;

/// <summary>JSON pieces shared by the market REST endpoints and the market streams.</summary>
internal static class MarketJson
{
    /// <summary>A price with at least the tick's decimals (recorded prices finer than the tick are kept as recorded).</summary>
    public static string Price(MarketSymbol market, decimal price) => AsterNumber.AtLeast(price, market.Spec.PriceDecimals);

    /// <summary>A quantity with at least the step's decimals.</summary>
    public static string Quantity(MarketSymbol market, decimal quantity) => AsterNumber.AtLeast(quantity, market.Spec.QuantityDecimals);

    /// <summary>Writes <c>[[price, qty], …]</c>.</summary>
    public static void WriteLevels(Utf8JsonWriter w, string name, SymbolSpec spec, IEnumerable<SyntheticLevel> levels)
    {
        w.WriteStartArray(name);
        WriteLevelItems(w, spec, levels);
        w.WriteEndArray();
    }

    /// <summary>Writes the <c>[price, qty]</c> items of an open array.</summary>
    public static void WriteLevelItems(Utf8JsonWriter w, SymbolSpec spec, IEnumerable<SyntheticLevel> levels)
    {
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(AsterNumber.AtLeast(level.Price, spec.PriceDecimals));
            w.WriteStringValue(AsterNumber.AtLeast(level.Quantity, spec.QuantityDecimals));
            w.WriteEndArray();
        }
    }

    /// <summary>
    /// Writes a REST kline: <c>[openTime, open, high, low, close, volume, closeTime, quoteVolume, trades,
    /// takerBuyBase, takerBuyQuote, "0"]</c>. With <paramref name="priceOnly"/> (mark and index klines) only the
    /// times, OHLC and the count carry data; the rest are "0".
    /// </summary>
    public static void WriteKlineArray(Utf8JsonWriter w, MarketSymbol market, KlineInterval interval, Kline bar, bool priceOnly)
    {
        var closeTime = interval.NextOpenTime(bar.OpenTimeMs) - 1;
        var (takerBase, takerQuote) = priceOnly ? (0m, 0m) : MarketViews.TakerBuy(market, bar.OpenTimeMs, closeTime + 1);
        w.WriteStartArray();
        w.WriteNumberValue(bar.OpenTimeMs);
        w.WriteStringValue(Price(market, bar.Open));
        w.WriteStringValue(Price(market, bar.High));
        w.WriteStringValue(Price(market, bar.Low));
        w.WriteStringValue(Price(market, bar.Close));
        w.WriteStringValue(priceOnly ? "0" : Quantity(market, bar.Volume));
        w.WriteNumberValue(closeTime);
        w.WriteStringValue(priceOnly ? "0" : AsterNumber.Plain(bar.QuoteVolume));
        w.WriteNumberValue(bar.Trades);
        w.WriteStringValue(priceOnly ? "0" : Quantity(market, takerBase));
        w.WriteStringValue(priceOnly ? "0" : AsterNumber.Plain(takerQuote));
        w.WriteStringValue("0");
        w.WriteEndArray();
    }

    /// <summary>Writes the REST 24 h ticker object (ticker/24hr). No <c>baseAsset</c>: ccxt takes that for a spot ticker.</summary>
    public static void WriteTicker(Utf8JsonWriter w, MarketSymbol market, Ticker24h t)
    {
        w.WriteStartObject();
        w.WriteString("symbol", market.Symbol.Value);
        w.WriteString("priceChange", Price(market, t.PriceChange));
        w.WriteString("priceChangePercent", AsterNumber.Fixed(t.PriceChangePercent, 3));
        w.WriteString("weightedAvgPrice", AsterNumber.Fixed(t.WeightedAveragePrice, market.Spec.PriceDecimals));
        w.WriteString("prevClosePrice", Price(market, t.PrevClosePrice));
        w.WriteString("lastPrice", Price(market, t.LastPrice));
        w.WriteString("lastQty", Quantity(market, t.LastQuantity));
        w.WriteString("openPrice", Price(market, t.OpenPrice));
        w.WriteString("highPrice", Price(market, t.HighPrice));
        w.WriteString("lowPrice", Price(market, t.LowPrice));
        w.WriteString("volume", Quantity(market, t.Volume));
        w.WriteString("quoteVolume", AsterNumber.Plain(t.QuoteVolume));
        w.WriteNumber("openTime", t.OpenTimeMs);
        w.WriteNumber("closeTime", t.CloseTimeMs);
        w.WriteNumber("firstId", t.FirstTradeId);
        w.WriteNumber("lastId", t.LastTradeId);
        w.WriteNumber("count", t.Count);
        w.WriteEndObject();
    }
}
