namespace Rari.Aster.Models;

// The venue's own value sets (fact sheet §3). Each has Unknown = 0 for text the client does not know; the raw text
// is kept beside it in WireValue<T>.

/// <summary>An order's status (§3.3, §4.5).</summary>
public enum AsterOrderStatus
{
    /// <summary>A status the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>NEW</c>: accepted and resting, or waiting for its trigger.</summary>
    New = 1,

    /// <summary><c>PARTIALLY_FILLED</c>.</summary>
    PartiallyFilled = 2,

    /// <summary><c>FILLED</c>.</summary>
    Filled = 3,

    /// <summary><c>CANCELED</c>.</summary>
    Canceled = 4,

    /// <summary><c>REJECTED</c>.</summary>
    Rejected = 5,

    /// <summary><c>EXPIRED</c>: IOC/FOK remainder, GTX that would take, STP expiry.</summary>
    Expired = 6,

    /// <summary><c>NEW_INSURANCE</c>: liquidated against the insurance fund.</summary>
    NewInsurance = 7,

    /// <summary><c>NEW_ADL</c>: closed by auto-deleveraging.</summary>
    NewAdl = 8,
}

/// <summary>An order type (§3.3), including the liquidation type seen in user-stream events.</summary>
public enum AsterOrderType
{
    /// <summary>A type the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>LIMIT</c>.</summary>
    Limit = 1,

    /// <summary><c>MARKET</c>.</summary>
    Market = 2,

    /// <summary><c>STOP</c>: a limit order placed when the stop price is reached.</summary>
    Stop = 3,

    /// <summary><c>STOP_MARKET</c>.</summary>
    StopMarket = 4,

    /// <summary><c>TAKE_PROFIT</c>: a limit order placed when the take-profit price is reached.</summary>
    TakeProfit = 5,

    /// <summary><c>TAKE_PROFIT_MARKET</c>.</summary>
    TakeProfitMarket = 6,

    /// <summary><c>TRAILING_STOP_MARKET</c>.</summary>
    TrailingStopMarket = 7,

    /// <summary><c>LIQUIDATION</c> (user-stream events only).</summary>
    Liquidation = 8,
}

/// <summary>Time in force (§6.2).</summary>
public enum AsterTimeInForce
{
    /// <summary>A value the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>GTC</c>: good till cancelled.</summary>
    Gtc = 1,

    /// <summary><c>IOC</c>: immediate or cancel.</summary>
    Ioc = 2,

    /// <summary><c>FOK</c>: fill or kill.</summary>
    Fok = 3,

    /// <summary><c>GTX</c>: post-only.</summary>
    Gtx = 4,

    /// <summary><c>HIDDEN</c>: rests without showing in the book.</summary>
    Hidden = 5,
}

/// <summary>Which price triggers a conditional order.</summary>
public enum AsterWorkingType
{
    /// <summary>A value the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>MARK_PRICE</c>.</summary>
    MarkPrice = 1,

    /// <summary><c>CONTRACT_PRICE</c>: the last trade price (the default).</summary>
    ContractPrice = 2,
}

/// <summary>Margin type of a symbol's positions.</summary>
public enum AsterMarginType
{
    /// <summary>A value the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>ISOLATED</c> (positionRisk writes <c>isolated</c>).</summary>
    Isolated = 1,

    /// <summary><c>CROSSED</c> (positionRisk writes <c>cross</c>).</summary>
    [WireName("cross")]
    Crossed = 2,
}

/// <summary>A symbol's trading status (exchangeInfo).</summary>
public enum AsterSymbolStatus
{
    /// <summary>A status the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>PENDING_TRADING</c>.</summary>
    PendingTrading = 1,

    /// <summary><c>TRADING</c>.</summary>
    Trading = 2,

    /// <summary><c>PRE_SETTLE</c>.</summary>
    PreSettle = 3,

    /// <summary><c>SETTLING</c>.</summary>
    Settling = 4,

    /// <summary><c>CLOSE</c>.</summary>
    Close = 5,
}

/// <summary>Kind of an income-history row.</summary>
public enum AsterIncomeType
{
    /// <summary>A type the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>TRANSFER</c>.</summary>
    Transfer = 1,

    /// <summary><c>WELCOME_BONUS</c>.</summary>
    WelcomeBonus = 2,

    /// <summary><c>REALIZED_PNL</c>.</summary>
    RealizedPnl = 3,

    /// <summary><c>FUNDING_FEE</c>.</summary>
    FundingFee = 4,

    /// <summary><c>COMMISSION</c>.</summary>
    Commission = 5,

    /// <summary><c>INSURANCE_CLEAR</c>.</summary>
    InsuranceClear = 6,

    /// <summary><c>MARKET_MERCHANT_RETURN_REWARD</c>.</summary>
    MarketMerchantReturnReward = 7,
}

/// <summary>What a new-order response holds (<c>newOrderRespType</c>).</summary>
public enum AsterOrderResponseType
{
    /// <summary>A value the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>ACK</c> (the default): the order as accepted.</summary>
    Ack = 1,

    /// <summary><c>RESULT</c>: the final state of MARKET and IOC/FOK/GTX orders.</summary>
    Result = 2,
}

/// <summary>Direction of an isolated-margin change (<c>positionMargin</c> <c>type</c>, sent as 1 or 2).</summary>
public enum AsterMarginChange
{
    /// <summary>Add margin (<c>type=1</c>).</summary>
    Add = 1,

    /// <summary>Remove margin (<c>type=2</c>).</summary>
    Reduce = 2,
}
