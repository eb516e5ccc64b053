namespace Rari.Domain.Portfolio;

// These enums are journaled (snapshots, account settings): the numeric values are part of the on-disk format
// and are never renumbered.

/// <summary>How a symbol's positions are margined (Aster's <c>marginType</c>).</summary>
public enum MarginType : byte
{
    /// <summary>
    /// Cross margin (Aster <c>CROSSED</c>): the position draws on the shared cross wallet, and all cross positions
    /// are liquidated together when the cross margin balance falls to their maintenance margin.
    /// </summary>
    Cross = 1,

    /// <summary>
    /// Isolated margin (Aster <c>ISOLATED</c>): the position has its own wallet and only that wallet can be lost.
    /// </summary>
    Isolated = 2,
}

/// <summary>Whether the account keeps one net position per symbol or a long and a short one (Aster's <c>dualSidePosition</c>).</summary>
public enum PositionMode : byte
{
    /// <summary>One-way mode: one signed position per symbol, fills carry <see cref="Orders.PositionSide.Both"/> and may flip it.</summary>
    OneWay = 1,

    /// <summary>Hedge mode: a long and a short position per symbol, fills carry <see cref="Orders.PositionSide.Long"/> or <see cref="Orders.PositionSide.Short"/>.</summary>
    Hedge = 2,
}
