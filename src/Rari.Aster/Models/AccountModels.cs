using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Aster.Models;

/// <summary>One asset balance (<c>GET balance</c>).</summary>
public sealed record AsterBalance
{
    /// <summary>Account alias.</summary>
    public string AccountAlias { get; init; } = string.Empty;

    /// <summary>Asset, e.g. USDT.</summary>
    public string Asset { get; init; } = string.Empty;

    /// <summary>Wallet balance.</summary>
    public decimal Balance { get; init; }

    /// <summary>Cross wallet balance.</summary>
    public decimal CrossWalletBalance { get; init; }

    /// <summary>Unrealized PnL of cross positions.</summary>
    public decimal CrossUnPnl { get; init; }

    /// <summary>Balance available for new orders.</summary>
    public decimal AvailableBalance { get; init; }

    /// <summary>Largest withdrawable amount.</summary>
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>Whether it can be margin in multi-assets mode.</summary>
    public bool MarginAvailable { get; init; }

    /// <summary>Last update, UTC epoch ms.</summary>
    public long UpdateTime { get; init; }
}

/// <summary>The account (<c>GET /fapi/v4/account</c> or <c>/fapi/v3/accountWithJoinMargin</c>); totals cover USDT only.</summary>
public sealed record AsterAccount
{
    /// <summary>Fee tier.</summary>
    public int FeeTier { get; init; }

    /// <summary>Whether trading is allowed.</summary>
    public bool CanTrade { get; init; }

    /// <summary>Whether deposits are allowed.</summary>
    public bool CanDeposit { get; init; }

    /// <summary>Whether withdrawals are allowed.</summary>
    public bool CanWithdraw { get; init; }

    /// <summary>Last update, UTC epoch ms.</summary>
    public long UpdateTime { get; init; }

    /// <summary>Total initial margin.</summary>
    public decimal TotalInitialMargin { get; init; }

    /// <summary>Total maintenance margin.</summary>
    public decimal TotalMaintMargin { get; init; }

    /// <summary>Total wallet balance.</summary>
    public decimal TotalWalletBalance { get; init; }

    /// <summary>Total unrealized PnL.</summary>
    public decimal TotalUnrealizedProfit { get; init; }

    /// <summary>Total margin balance (wallet + unrealized PnL).</summary>
    public decimal TotalMarginBalance { get; init; }

    /// <summary>Initial margin of positions.</summary>
    public decimal TotalPositionInitialMargin { get; init; }

    /// <summary>Initial margin of open orders.</summary>
    public decimal TotalOpenOrderInitialMargin { get; init; }

    /// <summary>Cross wallet balance.</summary>
    public decimal TotalCrossWalletBalance { get; init; }

    /// <summary>Unrealized PnL of cross positions.</summary>
    public decimal TotalCrossUnPnl { get; init; }

    /// <summary>Balance available for new orders.</summary>
    public decimal AvailableBalance { get; init; }

    /// <summary>Largest withdrawable amount.</summary>
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>Per-asset figures.</summary>
    public IReadOnlyList<AsterAccountAsset> Assets { get; init; } = [];

    /// <summary>Per-symbol positions (every symbol; BOTH rows in one-way mode, LONG and SHORT in hedge mode).</summary>
    public IReadOnlyList<AsterAccountPosition> Positions { get; init; } = [];
}

/// <summary>One asset of the account.</summary>
public sealed record AsterAccountAsset
{
    /// <summary>Asset.</summary>
    public string Asset { get; init; } = string.Empty;

    /// <summary>Wallet balance.</summary>
    public decimal WalletBalance { get; init; }

    /// <summary>Unrealized PnL.</summary>
    public decimal UnrealizedProfit { get; init; }

    /// <summary>Margin balance.</summary>
    public decimal MarginBalance { get; init; }

    /// <summary>Maintenance margin.</summary>
    public decimal MaintMargin { get; init; }

    /// <summary>Initial margin.</summary>
    public decimal InitialMargin { get; init; }

    /// <summary>Initial margin of positions.</summary>
    public decimal PositionInitialMargin { get; init; }

    /// <summary>Initial margin of open orders.</summary>
    public decimal OpenOrderInitialMargin { get; init; }

    /// <summary>Cross wallet balance.</summary>
    public decimal CrossWalletBalance { get; init; }

    /// <summary>Unrealized PnL of cross positions.</summary>
    public decimal CrossUnPnl { get; init; }

    /// <summary>Available balance.</summary>
    public decimal AvailableBalance { get; init; }

    /// <summary>Largest withdrawable amount.</summary>
    public decimal MaxWithdrawAmount { get; init; }

    /// <summary>Whether it can be margin in multi-assets mode.</summary>
    public bool MarginAvailable { get; init; }

    /// <summary>Last update, UTC epoch ms.</summary>
    public long UpdateTime { get; init; }
}

/// <summary>One position row of the account.</summary>
public sealed record AsterAccountPosition
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Initial margin.</summary>
    public decimal InitialMargin { get; init; }

    /// <summary>Maintenance margin.</summary>
    public decimal MaintMargin { get; init; }

    /// <summary>Unrealized PnL.</summary>
    public decimal UnrealizedProfit { get; init; }

    /// <summary>Initial margin of the position.</summary>
    public decimal PositionInitialMargin { get; init; }

    /// <summary>Initial margin of open orders.</summary>
    public decimal OpenOrderInitialMargin { get; init; }

    /// <summary>Leverage.</summary>
    public int Leverage { get; init; }

    /// <summary>Whether the position is isolated.</summary>
    public bool Isolated { get; init; }

    /// <summary>Average entry price.</summary>
    public decimal EntryPrice { get; init; }

    /// <summary>Largest notional at this leverage.</summary>
    public decimal MaxNotional { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    public WireValue<PositionSide> PositionSide { get; init; }

    /// <summary>Signed amount: negative is short.</summary>
    public decimal PositionAmt { get; init; }

    /// <summary>Last update, UTC epoch ms.</summary>
    public long UpdateTime { get; init; }
}

/// <summary>One position with its risk figures (<c>GET positionRisk</c>).</summary>
public sealed record AsterPositionRisk
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Signed amount: negative is short.</summary>
    public decimal PositionAmt { get; init; }

    /// <summary>Average entry price.</summary>
    public decimal EntryPrice { get; init; }

    /// <summary>Mark price.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Unrealized PnL.</summary>
    public decimal UnRealizedProfit { get; init; }

    /// <summary>Liquidation price (0 without a position).</summary>
    public decimal LiquidationPrice { get; init; }

    /// <summary>Leverage.</summary>
    public int Leverage { get; init; }

    /// <summary>Largest notional at this leverage.</summary>
    public decimal MaxNotionalValue { get; init; }

    /// <summary>Margin type (<c>isolated</c> or <c>cross</c>).</summary>
    public WireValue<AsterMarginType> MarginType { get; init; }

    /// <summary>Isolated margin.</summary>
    public decimal IsolatedMargin { get; init; }

    /// <summary>Whether isolated margin is topped up automatically.</summary>
    public bool IsAutoAddMargin { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    public WireValue<PositionSide> PositionSide { get; init; }

    /// <summary>Signed notional (observed in real responses).</summary>
    public decimal Notional { get; init; }

    /// <summary>Isolated wallet (observed in real responses).</summary>
    public decimal IsolatedWallet { get; init; }

    /// <summary>Last update, UTC epoch ms.</summary>
    public long UpdateTime { get; init; }
}

/// <summary>One of our fills (<c>GET userTrades</c>).</summary>
public sealed record AsterUserTrade
{
    /// <summary>Trade id.</summary>
    public long Id { get; init; }

    /// <summary>The venue's order id.</summary>
    public long OrderId { get; init; }

    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>BUY or SELL.</summary>
    public WireValue<OrderSide> Side { get; init; }

    /// <summary>BOTH, LONG or SHORT.</summary>
    public WireValue<PositionSide> PositionSide { get; init; }

    /// <summary>Price.</summary>
    public decimal Price { get; init; }

    /// <summary>Quantity.</summary>
    public decimal Qty { get; init; }

    /// <summary>Price × quantity.</summary>
    public decimal QuoteQty { get; init; }

    /// <summary>Commission, as the venue signs it (negative in the docs' example means paid).</summary>
    public decimal Commission { get; init; }

    /// <summary>Commission asset.</summary>
    public string CommissionAsset { get; init; } = string.Empty;

    /// <summary>Realized PnL of this fill.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Whether we bought.</summary>
    public bool Buyer { get; init; }

    /// <summary>Whether our order was resting.</summary>
    public bool Maker { get; init; }

    /// <summary>Time, UTC epoch ms.</summary>
    public long Time { get; init; }
}

/// <summary>One income-history row (<c>GET income</c>).</summary>
public sealed record AsterIncome
{
    /// <summary>Symbol, empty for account-wide items.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Kind of income.</summary>
    public WireValue<AsterIncomeType> IncomeType { get; init; }

    /// <summary>Amount; negative is paid.</summary>
    public decimal Income { get; init; }

    /// <summary>Asset.</summary>
    public string Asset { get; init; } = string.Empty;

    /// <summary>Extra information.</summary>
    public string Info { get; init; } = string.Empty;

    /// <summary>Time, UTC epoch ms.</summary>
    public long Time { get; init; }

    /// <summary>Transaction id, unique within an income type.</summary>
    public long TranId { get; init; }

    /// <summary>Trade id, as text (empty when not a trade).</summary>
    public string TradeId { get; init; } = string.Empty;
}

/// <summary>Fee rates of one symbol (<c>GET commissionRate</c>).</summary>
public sealed record AsterCommissionRate
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Maker rate, e.g. 0.0002.</summary>
    public decimal MakerCommissionRate { get; init; }

    /// <summary>Taker rate, e.g. 0.0004.</summary>
    public decimal TakerCommissionRate { get; init; }
}

/// <summary>The leverage brackets of one symbol (<c>GET leverageBracket</c>).</summary>
public sealed record AsterSymbolBrackets
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>The brackets.</summary>
    public IReadOnlyList<AsterBracket> Brackets { get; init; } = [];

    /// <summary>The brackets as the domain's rows.</summary>
    public IReadOnlyList<LeverageBracket> ToDomain() =>
        [.. Brackets.Select(b => new LeverageBracket(b.Bracket, b.InitialLeverage, b.NotionalFloor, b.NotionalCap, b.MaintMarginRatio, b.Cum))];
}

/// <summary>One leverage bracket.</summary>
public sealed record AsterBracket
{
    /// <summary>1-based bracket number.</summary>
    public int Bracket { get; init; }

    /// <summary>Highest leverage in the bracket.</summary>
    public int InitialLeverage { get; init; }

    /// <summary>Notional cap (exclusive).</summary>
    public decimal NotionalCap { get; init; }

    /// <summary>Notional floor (inclusive).</summary>
    public decimal NotionalFloor { get; init; }

    /// <summary>Maintenance margin ratio.</summary>
    public decimal MaintMarginRatio { get; init; }

    /// <summary>Maintenance amount.</summary>
    public decimal Cum { get; init; }
}
