using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Venue.Events;

/// <summary>
/// A position was liquidated: closed in full at its bankruptcy price by the liquidation order <see cref="OrderId"/>
/// (client id <c>autoclose-…</c>), with the symbol's liquidation fee charged. It follows that order's
/// <see cref="OrderUpdated"/> (<see cref="ExecutionType.Calculated"/>) and the <see cref="AccountUpdated"/>.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BOTH, LONG or SHORT.</param>
/// <param name="MarginType">Cross or isolated.</param>
/// <param name="Quantity">The signed position amount that was closed.</param>
/// <param name="MarkPrice">The mark price that triggered the liquidation.</param>
/// <param name="BankruptcyPrice">The price the position closed at (see the venue's liquidation rules).</param>
/// <param name="LiquidationFee">The fee charged, <c>|Quantity| × BankruptcyPrice × liquidationFee</c>, USDT.</param>
/// <param name="OrderId">The liquidation order's id.</param>
/// <param name="TimeMs">Venue time, UTC epoch milliseconds.</param>
public sealed record PositionLiquidated(
    AccountId Account,
    Symbol Symbol,
    PositionSide Side,
    MarginType MarginType,
    decimal Quantity,
    decimal MarkPrice,
    decimal BankruptcyPrice,
    decimal LiquidationFee,
    VenueOrderId OrderId,
    long TimeMs) : IVenueEvent;
