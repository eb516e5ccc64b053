using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Venue.Accounts;

/// <summary>
/// One position row of an account in brief: what <see cref="AccountPositionRow"/> says of its size and value, for
/// callers that recompute equity as marks move (<see cref="SimulatedVenue.TryGetBalanceBasis"/>).
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BOTH in one-way mode, LONG or SHORT in hedge mode.</param>
/// <param name="Quantity">Signed position size (the row's <c>positionAmt</c>); 0 when flat.</param>
/// <param name="UnrealizedProfit">Unrealized PnL at the symbol's mark, USDT.</param>
public readonly record struct PositionAmount(Symbol Symbol, PositionSide Side, decimal Quantity, decimal UnrealizedProfit);
