using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Venue.Commands;

/// <summary>The answer to a countdown cancel-all command (<c>{"symbol", "countdownTime"}</c>).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="CountdownTimeMs">The countdown set, in milliseconds; 0 when the timer was stopped.</param>
public sealed record CountdownCancelAll(Symbol Symbol, long CountdownTimeMs);

/// <summary>The answer to a leverage change (<c>{"leverage", "maxNotionalValue", "symbol"}</c>).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Leverage">The leverage now in force.</param>
/// <param name="MaxNotionalValue">The largest position notional that leverage allows.</param>
public sealed record LeverageChanged(Symbol Symbol, int Leverage, decimal MaxNotionalValue);

/// <summary>Whether isolated margin is added to or removed from a position (Aster's <c>type</c> 1 / 2).</summary>
public enum IsolatedMarginDirection : byte
{
    /// <summary>Move margin from the cross wallet into the position (type 1).</summary>
    Add = 1,

    /// <summary>Move margin from the position back to the cross wallet (type 2).</summary>
    Reduce = 2,
}

/// <summary>The answer to an isolated-margin change.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="PositionSide">The position adjusted.</param>
/// <param name="Amount">The amount moved, positive.</param>
/// <param name="Direction">Added or removed.</param>
/// <param name="IsolatedWallet">The position's isolated wallet after the change.</param>
public sealed record IsolatedMarginChanged(Symbol Symbol, PositionSide PositionSide, decimal Amount, IsolatedMarginDirection Direction, decimal IsolatedWallet);

/// <summary>The answer to a transfer into or out of the account.</summary>
/// <param name="TransactionId">The transfer's id (<c>tranId</c>), as in the TRANSFER income row.</param>
/// <param name="Amount">The amount, positive in, negative out.</param>
/// <param name="WalletBalance">The wallet balance after the transfer.</param>
public sealed record TransferCompleted(long TransactionId, decimal Amount, decimal WalletBalance);
