using Rari.Domain.Identifiers;

namespace Rari.Domain.Portfolio;

/// <summary>
/// An immutable copy of a <see cref="PortfolioAccount"/>, for persistence, read models and tests;
/// <see cref="PortfolioAccount.FromSnapshot"/> restores it exactly.
/// </summary>
/// <remarks>Equality compares the symbol list element by element, so two snapshots of equal state are equal.</remarks>
/// <param name="WalletBalance">Total wallet in USDT, isolated wallets included.</param>
/// <param name="PositionMode">One-way or hedge.</param>
/// <param name="DefaultLeverage">Leverage given to a symbol the account has not seen before.</param>
/// <param name="DefaultMarginType">Margin type given to a symbol the account has not seen before.</param>
/// <param name="RealizedPnl">Cumulative realized PnL, USDT.</param>
/// <param name="FeesPaid">Cumulative commission paid, USDT.</param>
/// <param name="FundingPaid">Cumulative funding paid, USDT.</param>
/// <param name="NetDeposits">Deposits minus withdrawals since the account was created, USDT.</param>
/// <param name="Symbols">Per-symbol state, in the order the account first saw the symbols.</param>
public sealed record PortfolioSnapshot(
    decimal WalletBalance,
    PositionMode PositionMode,
    int DefaultLeverage,
    MarginType DefaultMarginType,
    decimal RealizedPnl,
    decimal FeesPaid,
    decimal FundingPaid,
    decimal NetDeposits,
    IReadOnlyList<SymbolAccountSnapshot> Symbols)
{
    /// <inheritdoc />
    public bool Equals(PortfolioSnapshot? other) =>
        other is not null &&
        WalletBalance == other.WalletBalance &&
        PositionMode == other.PositionMode &&
        DefaultLeverage == other.DefaultLeverage &&
        DefaultMarginType == other.DefaultMarginType &&
        RealizedPnl == other.RealizedPnl &&
        FeesPaid == other.FeesPaid &&
        FundingPaid == other.FundingPaid &&
        NetDeposits == other.NetDeposits &&
        Symbols.SequenceEqual(other.Symbols);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(WalletBalance, PositionMode, RealizedPnl, Symbols.Count);
}

/// <summary>The account's state for one symbol: settings, last mark, open-order notional and positions.</summary>
/// <remarks>Equality compares the position list element by element.</remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="Leverage">The symbol's leverage setting, 1–125.</param>
/// <param name="MarginType">The symbol's margin type setting.</param>
/// <param name="MarkPrice">The last mark price, or null if none was seen yet.</param>
/// <param name="OpenOrderNotional">Notional of the symbol's open orders, as last set by the caller, USDT.</param>
/// <param name="LastFundingTimeMs">Time of the last funding settlement applied, or null if none.</param>
/// <param name="Positions">The symbol's positions (BOTH, or LONG then SHORT), flat ones included once created.</param>
public sealed record SymbolAccountSnapshot(
    Symbol Symbol,
    int Leverage,
    MarginType MarginType,
    decimal? MarkPrice,
    decimal OpenOrderNotional,
    long? LastFundingTimeMs,
    IReadOnlyList<PositionSnapshot> Positions)
{
    /// <inheritdoc />
    public bool Equals(SymbolAccountSnapshot? other) =>
        other is not null &&
        Symbol == other.Symbol &&
        Leverage == other.Leverage &&
        MarginType == other.MarginType &&
        MarkPrice == other.MarkPrice &&
        OpenOrderNotional == other.OpenOrderNotional &&
        LastFundingTimeMs == other.LastFundingTimeMs &&
        Positions.SequenceEqual(other.Positions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Symbol, Leverage, MarkPrice, Positions.Count);
}
