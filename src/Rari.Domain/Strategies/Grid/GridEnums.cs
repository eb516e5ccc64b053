namespace Rari.Domain.Strategies.Grid;

// These enums are journaled inside grid events and states: the numeric values are never renumbered.

/// <summary>Which way a grid takes exposure.</summary>
public enum GridDirection : byte
{
    /// <summary>Buys below the price and takes profit one level higher; holds a long inventory or none.</summary>
    Long = 1,

    /// <summary>Sells above the price and takes profit one level lower; holds a short inventory or none.</summary>
    Short = 2,

    /// <summary>Buys below the price and sells short above it, each with its take-profit at the adjacent level; starts flat.</summary>
    Neutral = 3,
}

/// <summary>How the level prices are spread.</summary>
public enum GridSpacingMode : byte
{
    /// <summary>Equal price steps: level k is <c>anchor + k × step</c>.</summary>
    Arithmetic = 1,

    /// <summary>Equal ratios: level k is <c>anchor × ratio^k</c>, so every step is the same percentage.</summary>
    Geometric = 2,
}

/// <summary>Where the grid's range comes from when it is built.</summary>
public enum GridRangeSource : byte
{
    /// <summary>Centred on the price with the configured spacing (the original tool's behaviour).</summary>
    FixedSpacing = 1,

    /// <summary>Between the configured lower and upper prices.</summary>
    Explicit = 2,

    /// <summary>Centred on the price, as wide as k × the recent volatility, with the spacing kept within bounds.</summary>
    Volatility = 3,
}

/// <summary>Which volatility measure sizes a <see cref="GridRangeSource.Volatility"/> grid.</summary>
public enum GridVolatilitySource : byte
{
    /// <summary>Wilder's average true range over the window, in price units.</summary>
    Atr = 1,

    /// <summary>Close-to-close realized volatility over the window, scaled to the window's length.</summary>
    RealizedVolatility = 2,
}

/// <summary>What the grid does when the price leaves its range.</summary>
public enum GridRebalanceMode : byte
{
    /// <summary>Nothing: the grid stays where it was built (the stop-loss still applies).</summary>
    None = 1,

    /// <summary>Shift the grid one level per bar toward the price: drop the farthest rung, add one at the near end.</summary>
    Trail = 2,

    /// <summary>Once the price has stayed outside for the configured number of closed bars, rebuild around it.</summary>
    Recentre = 3,
}

/// <summary>Where a grid is in its life.</summary>
public enum GridPhase : byte
{
    /// <summary>Waiting for enough market data to build the grid.</summary>
    WarmingUp = 1,

    /// <summary>The feasibility check refused the grid; it is retried later.</summary>
    Refused = 2,

    /// <summary>The grid is live: its rungs trade.</summary>
    Running = 3,

    /// <summary>A stop ended the grid for good (no cool-down configured); only the closing of its inventory goes on.</summary>
    Stopped = 4,

    /// <summary>A stop ended the grid; it restarts after the cool-down if a new feasibility check passes.</summary>
    CoolingDown = 5,

    /// <summary>
    /// Set aside by the hybrid strategy, which took the grid's inventory away or handed it one: no window is built. On
    /// the next bar it sends take-profits for inherited inventory and, if the symbol is active, rebuilds around the
    /// price after a fresh feasibility check.
    /// </summary>
    Standby = 6,
}

/// <summary>Which way one rung trades: the entry and the take-profit side.</summary>
public enum GridCellKind : byte
{
    /// <summary>Buys at the rung's lower level, sells at its upper level.</summary>
    Long = 1,

    /// <summary>Sells at the rung's upper level, buys back at its lower level.</summary>
    Short = 2,
}

/// <summary>What a grid order is for.</summary>
public enum GridOrderRole : byte
{
    /// <summary>Opens a rung's position (a buy below the price, or a sell above it for a short rung).</summary>
    Entry = 1,

    /// <summary>Takes a rung's profit at the adjacent level, for exactly the quantity the entry filled.</summary>
    Exit = 2,

    /// <summary>A reduce-only MARKET order that closes the inventory after a stop.</summary>
    Close = 3,
}

/// <summary>Where a grid order stands, as far as the grid is concerned.</summary>
public enum GridOrderStatus : byte
{
    /// <summary>Sent (or live at the venue); it may fill.</summary>
    Working = 1,

    /// <summary>The grid asked to cancel it; it may still fill until the venue confirms the end.</summary>
    CancelRequested = 2,
}

/// <summary>Why the feasibility check refused a grid.</summary>
public enum GridRefusalCode : byte
{
    /// <summary>The levels are not valid prices: they collapse onto the same tick or fall outside the price filter.</summary>
    InvalidLevels = 1,

    /// <summary>A step between adjacent levels does not pay the round-trip fees plus the margin.</summary>
    StepBelowFees = 2,

    /// <summary>A rung's quantity, after rounding, breaks the lot size or the minimum notional.</summary>
    QuantityBelowMinimum = 3,

    /// <summary>The grid needs more open orders than the instrument (or the settings) allow.</summary>
    TooManyOrders = 4,

    /// <summary>The worst-case inventory needs more initial margin at the symbol's leverage than the equity holds.</summary>
    InsufficientMargin = 5,

    /// <summary>The worst-case inventory would be liquidated before the price leaves the range (or reaches the stop).</summary>
    LiquidationInsideRange = 6,
}

/// <summary>Why a running grid was stopped.</summary>
public enum GridStopKind : byte
{
    /// <summary>The price went too far beyond the range on the losing side, or the grid lost too much.</summary>
    StopLoss = 1,

    /// <summary>The price went far enough beyond the range on the winning side, or the grid made enough.</summary>
    TakeProfit = 2,
}

/// <summary>Which way a trailing grid moved.</summary>
public enum GridTrailDirection : byte
{
    /// <summary>One level higher.</summary>
    Up = 1,

    /// <summary>One level lower.</summary>
    Down = 2,
}
