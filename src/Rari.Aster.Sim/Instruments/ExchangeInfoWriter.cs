using System.Text.Json;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.RateLimits;
using Rari.Domain.Instruments;

namespace Rari.Aster.Sim.Instruments;

/// <summary>
/// Writes <c>exchangeInfo</c> (fact sheet §3.1–3.2) with both spellings clients look for: <c>orderTypes</c> and
/// <c>OrderType</c>, and MIN_NOTIONAL's <c>notional</c> and <c>minNotional</c>. Filter prices use the tick's
/// decimals, quantities the step's.
/// </summary>
public static class ExchangeInfoWriter
{
    /// <summary>The perpetual's far-future delivery date, as Aster sends it.</summary>
    public const long PerpetualDeliveryDate = 4_133_404_800_000;

    private static readonly string[] OrderTypes = ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"];
    private static readonly string[] TimeInForces = ["GTC", "IOC", "FOK", "GTX", "HIDDEN"];

    /// <summary>Writes the futures exchangeInfo for <paramref name="symbols"/>.</summary>
    public static void Write(Utf8JsonWriter w, IEnumerable<SymbolSpec> symbols, RateLimitSettings limits, long serverTimeMs)
    {
        w.WriteStartObject();
        w.WriteString("timezone", "UTC");
        w.WriteNumber("serverTime", serverTimeMs);
        w.WriteString("futuresType", "U_MARGINED");
        WriteRateLimits(w, limits);
        w.WriteStartArray("exchangeFilters");
        w.WriteEndArray();
        w.WriteStartArray("assets");
        w.WriteStartObject();
        w.WriteString("asset", "USDT");
        w.WriteBoolean("marginAvailable", true);
        w.WriteString("autoAssetExchange", "0");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("symbols");
        foreach (var spec in symbols)
        {
            WriteSymbol(w, spec);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the spot exchangeInfo ccxt's <c>loadMarkets</c> also fetches (<c>/api/v3/exchangeInfo</c>): the same
    /// rate limits and no spot symbols, since the simulator trades perpetuals only.
    /// </summary>
    public static void WriteSpot(Utf8JsonWriter w, RateLimitSettings limits, long serverTimeMs)
    {
        w.WriteStartObject();
        w.WriteString("timezone", "UTC");
        w.WriteNumber("serverTime", serverTimeMs);
        WriteRateLimits(w, limits);
        w.WriteStartArray("exchangeFilters");
        w.WriteEndArray();
        w.WriteStartArray("assets");
        w.WriteEndArray();
        w.WriteStartArray("symbols");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRateLimits(Utf8JsonWriter w, RateLimitSettings limits)
    {
        w.WriteStartArray("rateLimits");
        foreach (var (type, limit) in new[] { ("REQUEST_WEIGHT", limits.RequestWeightPerMinute), ("ORDERS", limits.OrdersPerMinute) })
        {
            w.WriteStartObject();
            w.WriteString("rateLimitType", type);
            w.WriteString("interval", "MINUTE");
            w.WriteNumber("intervalNum", 1);
            w.WriteNumber("limit", limit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSymbol(Utf8JsonWriter w, SymbolSpec spec)
    {
        var instrument = spec.Instrument;
        w.WriteStartObject();
        w.WriteString("symbol", instrument.Symbol.Value);
        w.WriteString("pair", instrument.Symbol.Value);
        w.WriteString("contractType", "PERPETUAL");
        w.WriteNumber("deliveryDate", PerpetualDeliveryDate);
        w.WriteNumber("onboardDate", spec.OnboardDate);
        w.WriteString("status", "TRADING");
        w.WriteString("maintMarginPercent", "2.5000");
        w.WriteString("requiredMarginPercent", "5.0000");
        w.WriteString("baseAsset", instrument.BaseAsset);
        w.WriteString("quoteAsset", instrument.QuoteAsset);
        w.WriteString("marginAsset", instrument.QuoteAsset);
        w.WriteNumber("pricePrecision", instrument.PricePrecision);
        w.WriteNumber("quantityPrecision", instrument.QuantityPrecision);
        w.WriteNumber("baseAssetPrecision", 8);
        w.WriteNumber("quotePrecision", 8);
        w.WriteString("underlyingType", "COIN");
        w.WriteStartArray("underlyingSubType");
        w.WriteEndArray();
        w.WriteNumber("settlePlan", 0);
        w.WriteString("triggerProtect", AsterNumber.Fixed(spec.TriggerProtect, 4));
        WriteFilters(w, spec);
        WriteList(w, "orderTypes", OrderTypes);
        WriteList(w, "OrderType", OrderTypes);
        WriteList(w, "timeInForce", TimeInForces);
        w.WriteString("liquidationFee", AsterNumber.Fixed(instrument.LiquidationFeeRate, 6));
        w.WriteString("marketTakeBound", AsterNumber.Fixed(instrument.MarketTakeBound, 2));
        w.WriteEndObject();
    }

    private static void WriteFilters(Utf8JsonWriter w, SymbolSpec spec)
    {
        var instrument = spec.Instrument;
        var priceDecimals = spec.PriceDecimals;
        w.WriteStartArray("filters");

        w.WriteStartObject();
        w.WriteString("filterType", "PRICE_FILTER");
        w.WriteString("minPrice", AsterNumber.Fixed(instrument.PriceFilter.MinPrice, priceDecimals));
        w.WriteString("maxPrice", AsterNumber.Fixed(instrument.PriceFilter.MaxPrice, priceDecimals));
        w.WriteString("tickSize", AsterNumber.Fixed(instrument.PriceFilter.TickSize, priceDecimals));
        w.WriteEndObject();

        WriteLot(w, "LOT_SIZE", instrument.LotSize);
        WriteLot(w, "MARKET_LOT_SIZE", instrument.MarketLotSize);

        w.WriteStartObject();
        w.WriteString("filterType", "MAX_NUM_ORDERS");
        w.WriteNumber("limit", instrument.MaxNumOrders);
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString("filterType", "MAX_NUM_ALGO_ORDERS");
        w.WriteNumber("limit", instrument.MaxNumAlgoOrders);
        w.WriteEndObject();

        var notional = AsterNumber.Plain(instrument.MinNotional.Notional);
        w.WriteStartObject();
        w.WriteString("filterType", "MIN_NOTIONAL");
        w.WriteString("notional", notional);
        w.WriteString("minNotional", notional);
        w.WriteEndObject();

        var percent = instrument.PercentPrice;
        w.WriteStartObject();
        w.WriteString("filterType", "PERCENT_PRICE");
        w.WriteString("multiplierUp", AsterNumber.Fixed(percent.MultiplierUp, percent.MultiplierDecimal));
        w.WriteString("multiplierDown", AsterNumber.Fixed(percent.MultiplierDown, percent.MultiplierDecimal));
        w.WriteString("multiplierDecimal", percent.MultiplierDecimal.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();

        w.WriteEndArray();
    }

    private static void WriteLot(Utf8JsonWriter w, string type, LotSizeFilter lot)
    {
        var decimals = AsterNumber.DecimalsOf(lot.StepSize);
        w.WriteStartObject();
        w.WriteString("filterType", type);
        w.WriteString("stepSize", AsterNumber.Fixed(lot.StepSize, decimals));
        w.WriteString("maxQty", AsterNumber.Fixed(lot.MaxQty, decimals));
        w.WriteString("minQty", AsterNumber.Fixed(lot.MinQty, decimals));
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, string[] values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
