namespace Rari.Domain.Strategies.Volatility;

// These enums are journaled or configured: the numeric values are never renumbered.

/// <summary>Which way a position faces.</summary>
public enum PositionDirection : byte
{
    /// <summary>No position.</summary>
    None = 1,

    /// <summary>Long: bought, profits when the price rises.</summary>
    Long = 2,

    /// <summary>Short: sold, profits when the price falls.</summary>
    Short = 3,
}

/// <summary>Where the volatility strategy is in its round trip.</summary>
public enum VolatilityPhase : byte
{
    /// <summary>No position and no order: waiting for a signal.</summary>
    Flat = 1,

    /// <summary>The entry order is working.</summary>
    Entering = 2,

    /// <summary>A position is open and protected (or about to be) by its exit orders.</summary>
    InPosition = 3,

    /// <summary>The position is being closed at market, or is closed and the leftover orders are being cancelled.</summary>
    Exiting = 4,
}

/// <summary>What kind of signal opened a round trip.</summary>
public enum SignalKind : byte
{
    /// <summary>No signal.</summary>
    None = 1,

    /// <summary>A range breakout confirmed by volatility expansion.</summary>
    Momentum = 2,

    /// <summary>A statistical extreme confirmed by a bar closing back toward the mean.</summary>
    MeanReversion = 3,

    /// <summary>No signal: the position was handed over by the hybrid strategy.</summary>
    Inherited = 4,
}

/// <summary>Which volatility measure confirms a momentum breakout.</summary>
public enum VolatilityMeasure : byte
{
    /// <summary>Close-to-close realized volatility (sample σ of log returns).</summary>
    RealizedVolatility = 1,

    /// <summary>Wilder's average true range.</summary>
    AverageTrueRange = 2,
}

/// <summary>Which extreme arms a mean-reversion entry.</summary>
public enum MeanReversionTrigger : byte
{
    /// <summary>|z-score of the close| ≥ the threshold.</summary>
    ZScore = 1,

    /// <summary>The close outside the Bollinger bands.</summary>
    BollingerBands = 2,
}

/// <summary>How the entry order is sent.</summary>
public enum EntryOrderStyle : byte
{
    /// <summary>A MARKET order.</summary>
    Market = 1,

    /// <summary>An IOC LIMIT order priced a small offset through the touch: takes liquidity, but never beyond the offset.</summary>
    MarketableLimit = 2,

    /// <summary>A GTC LIMIT order at the touch (best bid for a buy, best ask for a sell); cancelled after the entry timeout.</summary>
    LimitAtTouch = 3,
}

/// <summary>Where the stop distance (and so the position size) comes from.</summary>
public enum StopDistanceMode : byte
{
    /// <summary>The stop-loss percentage of the entry price.</summary>
    StopLossPercent = 1,

    /// <summary>A multiple of the average true range at the signal.</summary>
    AtrMultiple = 2,
}

/// <summary>What an order of the strategy is for.</summary>
public enum OrderRole : byte
{
    /// <summary>Opens the position.</summary>
    Entry = 1,

    /// <summary>Reduce-only STOP_MARKET that limits the loss (and trails, when enabled).</summary>
    StopLoss = 2,

    /// <summary>Reduce-only TAKE_PROFIT_MARKET that banks the target.</summary>
    TakeProfit = 3,

    /// <summary>Reduce-only MARKET that closes the position now.</summary>
    Close = 4,
}

/// <summary>Where one of the strategy's orders stands, as far as the strategy is concerned.</summary>
public enum TrackedOrderStatus : byte
{
    /// <summary>Placed and not known to have ended.</summary>
    Working = 1,

    /// <summary>We asked the venue to cancel it; the confirmation has not arrived.</summary>
    CancelRequested = 2,

    /// <summary>Filled, cancelled, expired, rejected or denied: it can no longer trade.</summary>
    Ended = 3,
}

/// <summary>Why a position was closed.</summary>
public enum ExitReason : byte
{
    /// <summary>The protective stop filled at its original price.</summary>
    StopLoss = 1,

    /// <summary>The take-profit filled.</summary>
    TakeProfit = 2,

    /// <summary>The stop filled after it had trailed in the position's favour.</summary>
    TrailingStop = 3,

    /// <summary>The position was held for the maximum holding time and closed at market.</summary>
    TimeExit = 4,

    /// <summary>An exit order ended without our asking (rejected, expired, cancelled by the venue), so the position was closed at market rather than left unprotected.</summary>
    ExitOrderLost = 5,
}

/// <summary>Why a signal did not become an entry.</summary>
public enum EntrySkipReason : byte
{
    /// <summary>The sized quantity rounds below the minimum quantity or its value below the minimum notional.</summary>
    BelowMinimum = 1,

    /// <summary>The Kelly sizer measured no edge, so it allows no risk.</summary>
    NoKellyEdge = 2,

    /// <summary>The account already holds a position on the symbol that the strategy does not own.</summary>
    ForeignPosition = 3,

    /// <summary>The entry order breaks a symbol filter even after rounding.</summary>
    OrderInvalid = 4,

    /// <summary>Equity, balance, leverage or the stop distance leave nothing to size with.</summary>
    NothingToRisk = 5,
}
