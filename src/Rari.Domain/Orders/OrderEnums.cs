namespace Rari.Domain.Orders;

// These enums are journaled: the numeric values are part of the on-disk format and are never renumbered.

/// <summary>Which way an order trades.</summary>
public enum OrderSide : byte
{
    /// <summary>Buys the base asset (Aster <c>BUY</c>).</summary>
    Buy = 1,

    /// <summary>Sells the base asset (Aster <c>SELL</c>).</summary>
    Sell = 2,
}

/// <summary>The order types a trading bot uses on Aster futures.</summary>
public enum OrderType : byte
{
    /// <summary>Rests at a price (Aster <c>LIMIT</c>).</summary>
    Limit = 1,

    /// <summary>Takes liquidity at once (Aster <c>MARKET</c>).</summary>
    Market = 2,

    /// <summary>A market order that triggers when the price crosses a stop price against the position (Aster <c>STOP_MARKET</c>).</summary>
    StopMarket = 3,

    /// <summary>A market order that triggers when the price crosses a stop price in the position's favour (Aster <c>TAKE_PROFIT_MARKET</c>).</summary>
    TakeProfitMarket = 4,
}

/// <summary>How long a limit order stays open.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till cancelled.</summary>
    Gtc = 1,

    /// <summary>Immediate or cancel: the unfilled rest expires.</summary>
    Ioc = 2,

    /// <summary>Fill or kill: all at once or nothing.</summary>
    Fok = 3,

    /// <summary>Good till crossing (post-only): expires instead of taking liquidity.</summary>
    Gtx = 4,
}

/// <summary>Which position an order or fill belongs to.</summary>
/// <remarks><see cref="Both"/> in one-way (net) mode; <see cref="Long"/> or <see cref="Short"/> in hedge mode.</remarks>
public enum PositionSide : byte
{
    /// <summary>One-way mode: a single net position per symbol.</summary>
    Both = 1,

    /// <summary>Hedge mode: the long position.</summary>
    Long = 2,

    /// <summary>Hedge mode: the short position.</summary>
    Short = 3,
}
