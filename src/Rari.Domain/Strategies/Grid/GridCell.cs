using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// One rung of the grid: the pair of adjacent levels (i, i + 1) a round trip trades across, with the order working on
/// it and the inventory it holds. A long rung buys at level i and sells at level i + 1; a short rung sells at level
/// i + 1 and buys back at level i. So a buy filled at level i is followed by a sell at level i + 1, and a sell filled
/// at level i by a buy at level i − 1.
/// </summary>
/// <remarks>
/// <para>A rung has at most one order at a time: its entry while it holds nothing, its exit while it holds inventory.
/// The exit is sent once the entry has filled completely (or ended part-filled), for exactly the filled quantity.</para>
/// <para>A retired rung has left the grid's window (trailing, recentring): it takes no new entries, but keeps its exit
/// at its own take-profit level until its inventory is gone, then disappears.</para>
/// </remarks>
/// <param name="Id">The rung's id, unique within the grid's life.</param>
/// <param name="Index">Lattice index of the rung's lower level.</param>
/// <param name="Kind">Long or short.</param>
/// <param name="LowerPrice">Price of the lower level (tick-rounded).</param>
/// <param name="UpperPrice">Price of the upper level (tick-rounded).</param>
/// <param name="Quantity">The entry quantity, rounded down to the step.</param>
/// <param name="Retired">Whether the rung has left the window.</param>
/// <param name="HoldingQuantity">Signed inventory the rung holds: positive for a long rung, negative for a short one.</param>
/// <param name="HoldingCost">Signed cost of that inventory (quantity × entry price).</param>
/// <param name="Order">The rung's working order, or null.</param>
/// <param name="Failures">Consecutive placements that were rejected, denied, expired, cancelled by others or skipped.</param>
/// <param name="RetryAtMs">No order is placed for the rung before this market time (back-off), UTC epoch milliseconds.</param>
public sealed record GridCell(
    long Id,
    int Index,
    GridCellKind Kind,
    decimal LowerPrice,
    decimal UpperPrice,
    decimal Quantity,
    bool Retired,
    decimal HoldingQuantity,
    decimal HoldingCost,
    GridOrder? Order,
    int Failures,
    long RetryAtMs)
{
    /// <summary>Buy for a long rung, sell for a short one.</summary>
    public OrderSide EntrySide => Kind == GridCellKind.Long ? OrderSide.Buy : OrderSide.Sell;

    /// <summary>The side that takes the profit.</summary>
    public OrderSide ExitSide => Kind == GridCellKind.Long ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>The lower level for a long rung, the upper for a short one.</summary>
    public decimal EntryPrice => Kind == GridCellKind.Long ? LowerPrice : UpperPrice;

    /// <summary>The level on the other side of the rung.</summary>
    public decimal ExitPrice => Kind == GridCellKind.Long ? UpperPrice : LowerPrice;

    /// <summary>True when the rung has no order and holds nothing.</summary>
    public bool IsIdle => Order is null && HoldingQuantity == 0m;
}

/// <summary>One order of the grid, as the grid tracks it.</summary>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="Role">Entry, take-profit exit or closing order.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">LIMIT for rungs, MARKET for closing.</param>
/// <param name="Price">The limit price; null for MARKET.</param>
/// <param name="Quantity">The quantity sent.</param>
/// <param name="FilledQuantity">How much has filled so far.</param>
/// <param name="Status">Working, or cancel requested.</param>
/// <param name="TradeIds">The venue trades already counted, so a repeated fill report is not counted twice.</param>
public sealed record GridOrder(
    ClientOrderId ClientOrderId,
    GridOrderRole Role,
    OrderSide Side,
    OrderType Type,
    decimal? Price,
    decimal Quantity,
    decimal FilledQuantity,
    GridOrderStatus Status,
    ValueList<TradeId> TradeIds)
{
    /// <summary>True once the filled quantity reaches the order's quantity.</summary>
    public bool IsComplete => FilledQuantity >= Quantity;

    /// <summary>Whether the trade has already been counted.</summary>
    public bool HasTrade(TradeId tradeId)
    {
        for (var i = 0; i < TradeIds.Count; i++)
        {
            if (TradeIds[i] == tradeId)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A rung as a (re)build plans it, before it holds anything.</summary>
/// <param name="Id">The rung's id: a new one, or the id of a rung that survives a recentre.</param>
/// <param name="Index">Lattice index of the lower level.</param>
/// <param name="Kind">Long or short.</param>
/// <param name="LowerPrice">Price of the lower level.</param>
/// <param name="UpperPrice">Price of the upper level.</param>
/// <param name="Quantity">Entry quantity.</param>
public sealed record GridCellPlan(long Id, int Index, GridCellKind Kind, decimal LowerPrice, decimal UpperPrice, decimal Quantity)
{
    /// <summary>Buy for a long rung, sell for a short one.</summary>
    public OrderSide EntrySide => Kind == GridCellKind.Long ? OrderSide.Buy : OrderSide.Sell;

    /// <summary>Where the entry rests.</summary>
    public decimal EntryPrice => Kind == GridCellKind.Long ? LowerPrice : UpperPrice;

    /// <summary>Where the take-profit rests.</summary>
    public decimal ExitPrice => Kind == GridCellKind.Long ? UpperPrice : LowerPrice;
}

/// <summary>A complete grid as a (re)build plans it: lattice window, level prices, spacing and rungs.</summary>
/// <param name="Layout">The lattice and the window used.</param>
/// <param name="Levels">The window's level prices, ascending, tick-rounded.</param>
/// <param name="Spacing">The relative step between levels (e.g. 0.02).</param>
/// <param name="ReferencePrice">The price the grid was built around (the close that triggered the build).</param>
/// <param name="Cells">The rungs, lowest first.</param>
public sealed record GridPlan(GridLayout Layout, ValueList<decimal> Levels, decimal Spacing, decimal ReferencePrice, ValueList<GridCellPlan> Cells)
{
    /// <summary>The lowest level.</summary>
    public decimal Lower => Levels[0];

    /// <summary>The highest level.</summary>
    public decimal Upper => Levels[^1];
}

/// <summary>Why the feasibility check refused a grid.</summary>
/// <param name="Code">The rule that refused.</param>
/// <param name="Reason">What is wrong, with the numbers, for the operator.</param>
public sealed record GridRefusal(GridRefusalCode Code, string Reason);

/// <summary>A take-profit rung made for inherited inventory: where it sits and what it holds.</summary>
/// <param name="Rung">The rung's id, lattice index, kind and levels; its quantity is the quantity it holds.</param>
/// <param name="HoldingQuantity">Signed inventory it holds: positive on a long rung, negative on a short one.</param>
/// <param name="HoldingCost">Signed cost of that inventory at the inherited entry price.</param>
public sealed record GridRungHolding(GridCellPlan Rung, decimal HoldingQuantity, decimal HoldingCost);
