using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Venue.Events;

/// <summary>
/// The margin ratio (maintenance margin / margin balance) of the account's cross positions, or of one isolated
/// position, rose to the venue's warning level (Aster's <c>MARGIN_CALL</c>). Advisory: it is sent once per crossing,
/// re-armed when the ratio falls back below the level, and may come just before a liquidation.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="CrossWalletBalance">The cross wallet balance (<c>cw</c>).</param>
/// <param name="Positions">The positions at risk (<c>p</c>): every cross position, or the one isolated position.</param>
/// <param name="TimeMs">Venue time, UTC epoch milliseconds.</param>
public sealed record MarginCalled(
    AccountId Account,
    decimal CrossWalletBalance,
    IReadOnlyList<MarginCallPosition> Positions,
    long TimeMs) : IVenueEvent;

/// <summary>One position of a <see cref="MarginCalled"/> (<c>p[]</c>).</summary>
/// <param name="Symbol">The symbol (<c>s</c>).</param>
/// <param name="Side">BOTH, LONG or SHORT (<c>ps</c>).</param>
/// <param name="Quantity">Signed position amount (<c>pa</c>).</param>
/// <param name="MarginType">Cross or isolated (<c>mt</c>).</param>
/// <param name="IsolatedWallet">The isolated wallet (<c>iw</c>).</param>
/// <param name="MarkPrice">The mark price (<c>mp</c>).</param>
/// <param name="UnrealizedPnl">Unrealized PnL (<c>up</c>).</param>
/// <param name="MaintenanceMargin">Maintenance margin required (<c>mm</c>).</param>
public sealed record MarginCallPosition(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    MarginType MarginType,
    decimal IsolatedWallet,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal MaintenanceMargin);
