using Rari.Aster.RateLimits;

namespace Rari.Aster.Models;

/// <summary>The answer of <c>GET exchangeInfo</c> (fact sheet §3.1).</summary>
public sealed record AsterExchangeInfo
{
    /// <summary>Time zone of the server, "UTC".</summary>
    public string Timezone { get; init; } = string.Empty;

    /// <summary>Server time; the docs say to use <c>/time</c> instead.</summary>
    public long ServerTime { get; init; }

    /// <summary>The venue's rate limits.</summary>
    public IReadOnlyList<AsterRateLimit> RateLimits { get; init; } = [];

    /// <summary>Margin assets.</summary>
    public IReadOnlyList<AsterAsset> Assets { get; init; } = [];

    /// <summary>Every listed contract.</summary>
    public IReadOnlyList<AsterSymbolInfo> Symbols { get; init; } = [];

    /// <summary>The rate limits as budget rules; entries with unknown types or intervals are left out.</summary>
    public IReadOnlyList<RateLimitRule> RateLimitRules() =>
    [
        .. RateLimits
            .Select(r => (Type: RateLimitRule.ParseType(r.RateLimitType), Unit: RateLimitRule.UnitMs(r.Interval), r.IntervalNum, r.Limit))
            .Where(r => r.Type != RateLimitType.Unknown && r.Unit is not null && r.IntervalNum > 0 && r.Limit > 0)
            .Select(r => new RateLimitRule(r.Type, r.Unit!.Value * r.IntervalNum, r.Limit)),
    ];
}

/// <summary>One rate limit, <c>{rateLimitType, interval, intervalNum, limit}</c>.</summary>
public sealed record AsterRateLimit
{
    /// <summary><c>REQUEST_WEIGHT</c>, <c>ORDERS</c> or <c>RAW_REQUESTS</c>.</summary>
    public string RateLimitType { get; init; } = string.Empty;

    /// <summary><c>SECOND</c>, <c>MINUTE</c>, <c>HOUR</c> or <c>DAY</c>.</summary>
    public string Interval { get; init; } = string.Empty;

    /// <summary>How many intervals a window spans.</summary>
    public int IntervalNum { get; init; }

    /// <summary>Units allowed per window.</summary>
    public int Limit { get; init; }
}

/// <summary>A margin asset of exchangeInfo.</summary>
public sealed record AsterAsset
{
    /// <summary>Asset name, e.g. USDT.</summary>
    public string Asset { get; init; } = string.Empty;

    /// <summary>Whether it can be margin in multi-assets mode.</summary>
    public bool MarginAvailable { get; init; }

    /// <summary>Auto-exchange threshold.</summary>
    public decimal AutoAssetExchange { get; init; }
}

/// <summary>One contract of exchangeInfo with its rules.</summary>
public sealed record AsterSymbolInfo
{
    /// <summary>Symbol, e.g. BTCUSDT.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Underlying pair.</summary>
    public string Pair { get; init; } = string.Empty;

    /// <summary>Contract type, always PERPETUAL.</summary>
    public string ContractType { get; init; } = string.Empty;

    /// <summary>Delivery date, UTC epoch ms (far future for perpetuals).</summary>
    public long DeliveryDate { get; init; }

    /// <summary>Listing date, UTC epoch ms.</summary>
    public long OnboardDate { get; init; }

    /// <summary>Trading status.</summary>
    public WireValue<AsterSymbolStatus> Status { get; init; }

    /// <summary>Base asset, e.g. BTC.</summary>
    public string BaseAsset { get; init; } = string.Empty;

    /// <summary>Quote asset, e.g. USDT.</summary>
    public string QuoteAsset { get; init; } = string.Empty;

    /// <summary>Margin asset, e.g. USDT.</summary>
    public string MarginAsset { get; init; } = string.Empty;

    /// <summary>Display decimals of prices; not the tick size.</summary>
    public int PricePrecision { get; init; }

    /// <summary>Display decimals of quantities; not the step size.</summary>
    public int QuantityPrecision { get; init; }

    /// <summary>Decimals of the base asset.</summary>
    public int BaseAssetPrecision { get; init; }

    /// <summary>Decimals of the quote asset.</summary>
    public int QuotePrecision { get; init; }

    /// <summary>Underlying type, e.g. COIN.</summary>
    public string UnderlyingType { get; init; } = string.Empty;

    /// <summary>Largest mark/last divergence for <c>priceProtect</c> orders.</summary>
    public decimal TriggerProtect { get; init; }

    /// <summary>Liquidation fee rate.</summary>
    public decimal LiquidationFee { get; init; }

    /// <summary>Largest deviation from the mark price a MARKET order may trade at.</summary>
    public decimal MarketTakeBound { get; init; }

    /// <summary>Order types allowed (real responses' key).</summary>
    public IReadOnlyList<WireValue<AsterOrderType>> OrderTypes { get; init; } = [];

    /// <summary>Order types allowed, under the docs' key <c>OrderType</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("OrderType")]
    public IReadOnlyList<WireValue<AsterOrderType>> DocsOrderTypes { get; init; } = [];

    /// <summary>Times in force allowed.</summary>
    public IReadOnlyList<WireValue<AsterTimeInForce>> TimeInForce { get; init; } = [];

    /// <summary>The symbol's filters.</summary>
    public IReadOnlyList<AsterSymbolFilter> Filters { get; init; } = [];

    /// <summary>The filter of a type (e.g. <c>PRICE_FILTER</c>), or null.</summary>
    public AsterSymbolFilter? Filter(string filterType) =>
        Filters.FirstOrDefault(f => string.Equals(f.FilterType, filterType, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One symbol filter (§3.2). The fields of every filter type share this record; a field not used by the type is null.
/// </summary>
public sealed record AsterSymbolFilter
{
    /// <summary>PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS, PERCENT_PRICE or MIN_NOTIONAL.</summary>
    public string FilterType { get; init; } = string.Empty;

    /// <summary>PRICE_FILTER lowest price.</summary>
    public decimal? MinPrice { get; init; }

    /// <summary>PRICE_FILTER highest price.</summary>
    public decimal? MaxPrice { get; init; }

    /// <summary>PRICE_FILTER tick.</summary>
    public decimal? TickSize { get; init; }

    /// <summary>LOT_SIZE / MARKET_LOT_SIZE smallest quantity.</summary>
    public decimal? MinQty { get; init; }

    /// <summary>LOT_SIZE / MARKET_LOT_SIZE largest quantity.</summary>
    public decimal? MaxQty { get; init; }

    /// <summary>LOT_SIZE / MARKET_LOT_SIZE step.</summary>
    public decimal? StepSize { get; init; }

    /// <summary>MAX_NUM_ORDERS / MAX_NUM_ALGO_ORDERS limit.</summary>
    public int? Limit { get; init; }

    /// <summary>PERCENT_PRICE upper multiplier.</summary>
    public decimal? MultiplierUp { get; init; }

    /// <summary>PERCENT_PRICE lower multiplier.</summary>
    public decimal? MultiplierDown { get; init; }

    /// <summary>PERCENT_PRICE multiplier decimals.</summary>
    public int? MultiplierDecimal { get; init; }

    /// <summary>MIN_NOTIONAL under the docs' key.</summary>
    public decimal? Notional { get; init; }

    /// <summary>MIN_NOTIONAL under the real responses' key.</summary>
    public decimal? MinNotional { get; init; }
}
