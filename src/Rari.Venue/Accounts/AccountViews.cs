using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Venue.Accounts;

/// <summary>The account's USDT balance (a row of Aster's <c>GET /fapi/v2/balance</c>).</summary>
/// <param name="Asset">USDT.</param>
/// <param name="WalletBalance">Wallet balance, isolated wallets included (<c>balance</c>).</param>
/// <param name="CrossWalletBalance">Wallet balance without the isolated wallets (<c>crossWalletBalance</c>).</param>
/// <param name="CrossUnrealizedPnl">Unrealized PnL of the cross positions (<c>crossUnPnl</c>).</param>
/// <param name="AvailableBalance">What new orders may use (<c>availableBalance</c>), see <see cref="PortfolioAccount.AvailableBalance"/>.</param>
/// <param name="MaxWithdrawAmount">What may be withdrawn (<c>maxWithdrawAmount</c>), the available balance.</param>
/// <param name="UpdateTimeMs">Venue time of the answer.</param>
public sealed record AccountBalance(
    string Asset,
    decimal WalletBalance,
    decimal CrossWalletBalance,
    decimal CrossUnrealizedPnl,
    decimal AvailableBalance,
    decimal MaxWithdrawAmount,
    long UpdateTimeMs);

/// <summary>The account summary (Aster's <c>GET /fapi/v4/account</c> top-level fields, USDT only) with one row per position.</summary>
/// <param name="TotalInitialMargin">Position plus open-order initial margin.</param>
/// <param name="TotalMaintMargin">Maintenance margin of all positions.</param>
/// <param name="TotalWalletBalance">Wallet balance.</param>
/// <param name="TotalUnrealizedProfit">Unrealized PnL of all positions.</param>
/// <param name="TotalMarginBalance">Wallet balance plus unrealized PnL.</param>
/// <param name="TotalPositionInitialMargin">Initial margin of the positions at the marks.</param>
/// <param name="TotalOpenOrderInitialMargin">Initial margin of the open orders.</param>
/// <param name="TotalCrossWalletBalance">Cross wallet balance.</param>
/// <param name="TotalCrossUnrealizedPnl">Unrealized PnL of the cross positions.</param>
/// <param name="AvailableBalance">Available balance.</param>
/// <param name="MaxWithdrawAmount">Maximum withdrawal.</param>
/// <param name="UpdateTimeMs">Venue time of the answer.</param>
/// <param name="Positions">Every listed symbol's BOTH row (one-way mode) or LONG and SHORT rows (hedge mode).</param>
public sealed record AccountSummary(
    decimal TotalInitialMargin,
    decimal TotalMaintMargin,
    decimal TotalWalletBalance,
    decimal TotalUnrealizedProfit,
    decimal TotalMarginBalance,
    decimal TotalPositionInitialMargin,
    decimal TotalOpenOrderInitialMargin,
    decimal TotalCrossWalletBalance,
    decimal TotalCrossUnrealizedPnl,
    decimal AvailableBalance,
    decimal MaxWithdrawAmount,
    long UpdateTimeMs,
    IReadOnlyList<AccountPositionRow> Positions);

/// <summary>One position row of the <see cref="AccountSummary"/> (<c>positions[]</c>).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="PositionSide">BOTH, LONG or SHORT.</param>
/// <param name="InitialMargin">Position plus open-order initial margin.</param>
/// <param name="MaintMargin">Maintenance margin.</param>
/// <param name="UnrealizedProfit">Unrealized PnL.</param>
/// <param name="PositionInitialMargin">Initial margin of the position at the mark.</param>
/// <param name="OpenOrderInitialMargin">Initial margin of the open orders that could grow this position.</param>
/// <param name="Leverage">Leverage.</param>
/// <param name="Isolated">Whether the symbol is isolated-margined.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MaxNotional">Largest notional the leverage allows.</param>
/// <param name="PositionAmount">Signed position amount.</param>
/// <param name="UpdateTimeMs">Last change of the position.</param>
public sealed record AccountPositionRow(
    Symbol Symbol,
    PositionSide PositionSide,
    decimal InitialMargin,
    decimal MaintMargin,
    decimal UnrealizedProfit,
    decimal PositionInitialMargin,
    decimal OpenOrderInitialMargin,
    int Leverage,
    bool Isolated,
    decimal EntryPrice,
    decimal MaxNotional,
    decimal PositionAmount,
    long UpdateTimeMs);

/// <summary>One row of Aster's <c>GET /fapi/v2/positionRisk</c>.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="PositionSide">BOTH, LONG or SHORT.</param>
/// <param name="PositionAmount">Signed position amount (<c>positionAmt</c>).</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">Mark price.</param>
/// <param name="UnrealizedProfit">Unrealized PnL (<c>unRealizedProfit</c>).</param>
/// <param name="LiquidationPrice">Estimated liquidation price, unrounded; 0 when flat or never liquidated by price.</param>
/// <param name="Leverage">Leverage.</param>
/// <param name="MaxNotionalValue">Largest notional the leverage allows.</param>
/// <param name="MarginType">Cross or isolated.</param>
/// <param name="IsolatedMargin">Isolated wallet plus unrealized PnL (<c>isolatedMargin</c>); 0 when cross.</param>
/// <param name="IsolatedWallet">Isolated wallet (<c>isolatedWallet</c>); 0 when cross.</param>
/// <param name="Notional">Signed notional at the mark (<c>notional</c>), negative for a short.</param>
/// <param name="UpdateTimeMs">Last change of the position.</param>
public sealed record PositionRisk(
    Symbol Symbol,
    PositionSide PositionSide,
    decimal PositionAmount,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealizedProfit,
    decimal LiquidationPrice,
    int Leverage,
    decimal MaxNotionalValue,
    MarginType MarginType,
    decimal IsolatedMargin,
    decimal IsolatedWallet,
    decimal Notional,
    long UpdateTimeMs);

/// <summary>The account's commission rates on a symbol (Aster's <c>GET /fapi/v1/commissionRate</c>).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="MakerCommissionRate">Maker rate.</param>
/// <param name="TakerCommissionRate">Taker rate.</param>
public sealed record CommissionRates(Symbol Symbol, decimal MakerCommissionRate, decimal TakerCommissionRate);
