namespace Rari.Aster.Streams;

/// <summary>What an <c>ORDER_TRADE_UPDATE</c> reports (<c>o.x</c>, fact sheet §4.5).</summary>
public enum AsterExecutionType
{
    /// <summary>A value the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>NEW</c>: the order was accepted (or a stop was triggered into a new order).</summary>
    New = 1,

    /// <summary><c>CANCELED</c>.</summary>
    Canceled = 2,

    /// <summary><c>CALCULATED</c>: a liquidation or ADL execution.</summary>
    Calculated = 3,

    /// <summary><c>EXPIRED</c>: IOC/FOK remainder, GTX that would take, STP, or reduce-only with nothing to reduce.</summary>
    Expired = 4,

    /// <summary><c>TRADE</c>: the order filled some quantity.</summary>
    Trade = 5,

    /// <summary><c>AMENDMENT</c>: the order's price or quantity was modified (undocumented).</summary>
    Amendment = 6,
}

/// <summary>Why an <c>ACCOUNT_UPDATE</c> was sent (<c>a.m</c>).</summary>
public enum AsterAccountUpdateReason
{
    /// <summary>A reason the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>DEPOSIT</c>.</summary>
    Deposit = 1,

    /// <summary><c>WITHDRAW</c>.</summary>
    Withdraw = 2,

    /// <summary><c>ORDER</c>: a fill.</summary>
    Order = 3,

    /// <summary><c>FUNDING_FEE</c>.</summary>
    FundingFee = 4,

    /// <summary><c>WITHDRAW_REJECT</c>.</summary>
    WithdrawReject = 5,

    /// <summary><c>ADJUSTMENT</c>.</summary>
    Adjustment = 6,

    /// <summary><c>INSURANCE_CLEAR</c>.</summary>
    InsuranceClear = 7,

    /// <summary><c>ADMIN_DEPOSIT</c>.</summary>
    AdminDeposit = 8,

    /// <summary><c>ADMIN_WITHDRAW</c>.</summary>
    AdminWithdraw = 9,

    /// <summary><c>MARGIN_TRANSFER</c>.</summary>
    MarginTransfer = 10,

    /// <summary><c>MARGIN_TYPE_CHANGE</c>.</summary>
    MarginTypeChange = 11,

    /// <summary><c>ASSET_TRANSFER</c>.</summary>
    AssetTransfer = 12,

    /// <summary><c>OPTIONS_PREMIUM_FEE</c>.</summary>
    OptionsPremiumFee = 13,

    /// <summary><c>OPTIONS_SETTLE_PROFIT</c>.</summary>
    OptionsSettleProfit = 14,

    /// <summary><c>AUTO_EXCHANGE</c>.</summary>
    AutoExchange = 15,
}
