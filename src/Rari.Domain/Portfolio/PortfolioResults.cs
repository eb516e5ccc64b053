using Rari.Domain.Identifiers;

namespace Rari.Domain.Portfolio;

/// <summary>What one fill did to a position and to the wallet.</summary>
/// <param name="RealizedPnl">PnL realized by the reducing part of the fill (0 for a pure increase), in USDT.</param>
/// <param name="Fee">Commission charged by the fill, in USDT (negative for a rebate).</param>
/// <param name="ClosedQuantity">How much of the existing position the fill closed (≥ 0).</param>
/// <param name="OpenedQuantity">How much the fill added or, after a flip, opened on the other side (≥ 0).</param>
public readonly record struct FillResult(decimal RealizedPnl, decimal Fee, decimal ClosedQuantity, decimal OpenedQuantity)
{
    /// <summary>The change of the wallet balance: <c>RealizedPnl − Fee</c>.</summary>
    public decimal WalletChange => RealizedPnl - Fee;
}

/// <summary>One funding settlement of one symbol, as booked by the account.</summary>
/// <param name="Symbol">The symbol whose positions were charged or credited.</param>
/// <param name="TimestampMs">The funding time, UTC epoch milliseconds.</param>
/// <param name="Rate">The funding rate used, already clamped by the caller.</param>
/// <param name="MarkPrice">The mark price used.</param>
/// <param name="Paid">
/// Total paid by the symbol's positions, <c>Σ Quantity × mark × rate</c>: positive when the account paid (a long
/// with a positive rate), negative when it received.
/// </param>
public readonly record struct FundingResult(Symbol Symbol, long TimestampMs, decimal Rate, decimal MarkPrice, decimal Paid)
{
    /// <summary>The change of the wallet balance, <c>−Paid</c> (Aster's <c>FUNDING_FEE</c> income).</summary>
    public decimal WalletChange => -Paid;
}
