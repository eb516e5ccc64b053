namespace Rari.Domain.Instruments;

// The numeric values ARE Aster's error codes, so (int)code goes on the wire as is; never renumber.

/// <summary>The Aster error codes a symbol-filter check can produce; each value is the code itself.</summary>
/// <remarks>Names and message texts come from the Aster futures API docs ("Error Codes", 20xx and 40xx).</remarks>
public enum FilterErrorCode
{
    /// <summary>−2025 <c>MAX_OPEN_ORDER_EXCEEDED</c>: MAX_NUM_ORDERS reached.</summary>
    MaxOpenOrderExceeded = -2025,

    /// <summary>−4001 <c>PRICE_LESS_THAN_ZERO</c>: the price is not positive.</summary>
    PriceLessThanZero = -4001,

    /// <summary>−4002 <c>PRICE_GREATER_THAN_MAX_PRICE</c>.</summary>
    PriceGreaterThanMaxPrice = -4002,

    /// <summary>−4003 <c>QTY_LESS_THAN_ZERO</c>: the quantity is not positive.</summary>
    QuantityLessThanZero = -4003,

    /// <summary>−4004 <c>QTY_LESS_THAN_MIN_QTY</c>.</summary>
    QuantityLessThanMinQuantity = -4004,

    /// <summary>−4005 <c>QTY_GREATER_THAN_MAX_QTY</c>.</summary>
    QuantityGreaterThanMaxQuantity = -4005,

    /// <summary>−4006 <c>STOP_PRICE_LESS_THAN_ZERO</c>: the stop price is not positive.</summary>
    StopPriceLessThanZero = -4006,

    /// <summary>−4007 <c>STOP_PRICE_GREATER_THAN_MAX_PRICE</c>.</summary>
    StopPriceGreaterThanMaxPrice = -4007,

    /// <summary>−4013 <c>PRICE_LESS_THAN_MIN_PRICE</c> (price or stop price).</summary>
    PriceLessThanMinPrice = -4013,

    /// <summary>−4014 <c>PRICE_NOT_INCREASED_BY_TICK_SIZE</c> (price or stop price).</summary>
    PriceNotIncreasedByTickSize = -4014,

    /// <summary>−4016 <c>PRICE_HIGHTER_THAN_MULTIPLIER_UP</c> (sic): a BUY above mark × multiplierUp.</summary>
    PriceHigherThanMultiplierUp = -4016,

    /// <summary>−4023 <c>QTY_NOT_INCREASED_BY_STEP_SIZE</c>.</summary>
    QuantityNotIncreasedByStepSize = -4023,

    /// <summary>−4024 <c>PRICE_LOWER_THAN_MULTIPLIER_DOWN</c>: a SELL below mark × multiplierDown.</summary>
    PriceLowerThanMultiplierDown = -4024,

    /// <summary>−4045 <c>MAX_STOP_ORDER_EXCEEDED</c>: MAX_NUM_ALGO_ORDERS reached.</summary>
    MaxStopOrderExceeded = -4045,

    /// <summary>−4164 <c>MIN_NOTIONAL</c>: the order value is below the minimum and the order is not reduce-only.</summary>
    MinNotional = -4164,
}

/// <summary>Aster's names and fixed message texts for <see cref="FilterErrorCode"/>.</summary>
public static class FilterErrorCodeNames
{
    /// <summary>Aster's constant name for the code, e.g. <c>PRICE_NOT_INCREASED_BY_TICK_SIZE</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined code.</exception>
    public static string ToAsterName(this FilterErrorCode code) => code switch
    {
        FilterErrorCode.MaxOpenOrderExceeded => "MAX_OPEN_ORDER_EXCEEDED",
        FilterErrorCode.PriceLessThanZero => "PRICE_LESS_THAN_ZERO",
        FilterErrorCode.PriceGreaterThanMaxPrice => "PRICE_GREATER_THAN_MAX_PRICE",
        FilterErrorCode.QuantityLessThanZero => "QTY_LESS_THAN_ZERO",
        FilterErrorCode.QuantityLessThanMinQuantity => "QTY_LESS_THAN_MIN_QTY",
        FilterErrorCode.QuantityGreaterThanMaxQuantity => "QTY_GREATER_THAN_MAX_QTY",
        FilterErrorCode.StopPriceLessThanZero => "STOP_PRICE_LESS_THAN_ZERO",
        FilterErrorCode.StopPriceGreaterThanMaxPrice => "STOP_PRICE_GREATER_THAN_MAX_PRICE",
        FilterErrorCode.PriceLessThanMinPrice => "PRICE_LESS_THAN_MIN_PRICE",
        FilterErrorCode.PriceNotIncreasedByTickSize => "PRICE_NOT_INCREASED_BY_TICK_SIZE",
        FilterErrorCode.PriceHigherThanMultiplierUp => "PRICE_HIGHTER_THAN_MULTIPLIER_UP",
        FilterErrorCode.QuantityNotIncreasedByStepSize => "QTY_NOT_INCREASED_BY_STEP_SIZE",
        FilterErrorCode.PriceLowerThanMultiplierDown => "PRICE_LOWER_THAN_MULTIPLIER_DOWN",
        FilterErrorCode.MaxStopOrderExceeded => "MAX_STOP_ORDER_EXCEEDED",
        FilterErrorCode.MinNotional => "MIN_NOTIONAL",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a known filter error code."),
    };

    /// <summary>
    /// The text Aster sends in <c>msg</c> for a code whose message has no parameters, e.g.
    /// <c>Price not increased by tick size.</c>. For −4164 this is the docs' text for the usual minimum of 5; a
    /// violation carries the text for the symbol's own minimum (see <see cref="MinNotionalMessage"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined code.</exception>
    public static string ToAsterMessage(this FilterErrorCode code) => code switch
    {
        FilterErrorCode.MaxOpenOrderExceeded => "Reach max open order limit.",
        FilterErrorCode.PriceLessThanZero => "Price less than 0.",
        FilterErrorCode.PriceGreaterThanMaxPrice => "Price greater than max price.",
        FilterErrorCode.QuantityLessThanZero => "Quantity less than zero.",
        FilterErrorCode.QuantityLessThanMinQuantity => "Quantity less than min quantity.",
        FilterErrorCode.QuantityGreaterThanMaxQuantity => "Quantity greater than max quantity.",
        FilterErrorCode.StopPriceLessThanZero => "Stop price less than zero.",
        FilterErrorCode.StopPriceGreaterThanMaxPrice => "Stop price greater than max price.",
        FilterErrorCode.PriceLessThanMinPrice => "Price less than min price.",
        FilterErrorCode.PriceNotIncreasedByTickSize => "Price not increased by tick size.",
        FilterErrorCode.PriceHigherThanMultiplierUp => "Price is higher than mark price multiplier cap.",
        FilterErrorCode.QuantityNotIncreasedByStepSize => "Qty not increased by step size.",
        FilterErrorCode.PriceLowerThanMultiplierDown => "Price is lower than mark price multiplier floor.",
        FilterErrorCode.MaxStopOrderExceeded => "Reach max stop order limit.",
        FilterErrorCode.MinNotional => MinNotionalMessage(5m),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a known filter error code."),
    };

    /// <summary>
    /// Aster's −4164 text for a given minimum, e.g. <c>Order's notional must be no smaller than 5.0 (unless you choose reduce only)</c>.
    /// </summary>
    public static string MinNotionalMessage(decimal minNotional) =>
        $"Order's notional must be no smaller than {DecimalText.FormatLikeJava(minNotional)} (unless you choose reduce only)";
}
