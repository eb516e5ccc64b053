namespace Rari.Domain.Instruments;

// May be journaled (e.g. inside a risk-gate denial), so the numeric values are fixed and never renumbered.

/// <summary>The symbol filters Aster publishes in exchangeInfo and checks on every new order.</summary>
public enum FilterType : byte
{
    /// <summary><c>PRICE_FILTER</c>: price and stop-price range and tick grid.</summary>
    PriceFilter = 1,

    /// <summary><c>LOT_SIZE</c>: quantity range and step grid of limit and conditional orders.</summary>
    LotSize = 2,

    /// <summary><c>MARKET_LOT_SIZE</c>: quantity range and step grid of MARKET orders.</summary>
    MarketLotSize = 3,

    /// <summary><c>MIN_NOTIONAL</c>: smallest order value.</summary>
    MinNotional = 4,

    /// <summary><c>PERCENT_PRICE</c>: limit-price band around the mark price.</summary>
    PercentPrice = 5,

    /// <summary><c>MAX_NUM_ORDERS</c>: open orders per symbol, conditional orders included.</summary>
    MaxNumOrders = 6,

    /// <summary><c>MAX_NUM_ALGO_ORDERS</c>: open conditional orders per symbol.</summary>
    MaxNumAlgoOrders = 7,
}

/// <summary>Converts <see cref="FilterType"/> to and from Aster's <c>filterType</c> text.</summary>
public static class FilterTypeNames
{
    /// <summary>The name Aster uses in exchangeInfo's <c>filterType</c>, e.g. <c>PRICE_FILTER</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined filter.</exception>
    public static string ToAsterName(this FilterType filter) => filter switch
    {
        FilterType.PriceFilter => "PRICE_FILTER",
        FilterType.LotSize => "LOT_SIZE",
        FilterType.MarketLotSize => "MARKET_LOT_SIZE",
        FilterType.MinNotional => "MIN_NOTIONAL",
        FilterType.PercentPrice => "PERCENT_PRICE",
        FilterType.MaxNumOrders => "MAX_NUM_ORDERS",
        FilterType.MaxNumAlgoOrders => "MAX_NUM_ALGO_ORDERS",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Not a known filter type."),
    };

    /// <summary>Parses an exchangeInfo <c>filterType</c>; false for a filter this model does not know.</summary>
    public static bool TryParse(string? asterName, out FilterType filter)
    {
        filter = asterName switch
        {
            "PRICE_FILTER" => FilterType.PriceFilter,
            "LOT_SIZE" => FilterType.LotSize,
            "MARKET_LOT_SIZE" => FilterType.MarketLotSize,
            "MIN_NOTIONAL" => FilterType.MinNotional,
            "PERCENT_PRICE" => FilterType.PercentPrice,
            "MAX_NUM_ORDERS" => FilterType.MaxNumOrders,
            "MAX_NUM_ALGO_ORDERS" => FilterType.MaxNumAlgoOrders,
            _ => default,
        };
        return filter != default;
    }
}
