using Rari.Domain.Orders;
using Rari.Domain.Strategies.Hybrid;

namespace Rari.Domain.Strategies.Grid;

/// <summary>Where one rung of a live grid stands, for a person watching it.</summary>
public enum GridRungStatus : byte
{
    /// <summary>Its entry order rests at the venue.</summary>
    Resting = 1,

    /// <summary>Its entry filled: it holds inventory and its take-profit rests at the opposite level.</summary>
    Filled = 2,

    /// <summary>No order: the last placements were refused or skipped (liquidity, risk, venue) and it waits to retry.</summary>
    Skipped = 3,

    /// <summary>No order yet and nothing refused: the price sits on its level, or it waits for the next bar.</summary>
    Idle = 4,
}

/// <summary>One rung as the dashboard draws it.</summary>
/// <param name="EntryPrice">Where it enters (the lower level for a long rung, the upper for a short one).</param>
/// <param name="ExitPrice">Where it takes profit (the other level).</param>
/// <param name="EntrySide">Buy for a long rung, sell for a short one.</param>
/// <param name="Status">Resting, filled, skipped or idle.</param>
/// <param name="Holding">Signed inventory the rung holds, base units.</param>
/// <param name="Retired">Whether it left the grid's window and only works off its inventory.</param>
public sealed record GridRungView(decimal EntryPrice, decimal ExitPrice, OrderSide EntrySide, GridRungStatus Status, decimal Holding, bool Retired);

/// <summary>A grid's levels and rungs at a moment, read from its state; empty while no grid runs.</summary>
/// <param name="Phase">The grid's phase.</param>
/// <param name="Levels">The level prices, lowest first.</param>
/// <param name="Rungs">Every rung, lowest entry first.</param>
/// <param name="Inventory">The grid's signed inventory, base units.</param>
public sealed record GridLadder(GridPhase Phase, IReadOnlyList<decimal> Levels, IReadOnlyList<GridRungView> Rungs, decimal Inventory)
{
    /// <summary>The ladder of a grid state.</summary>
    public static GridLadder Of(GridState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rungs = new List<GridRungView>(state.Cells.Count);
        foreach (var cell in state.Cells)
        {
            rungs.Add(new GridRungView(cell.EntryPrice, cell.ExitPrice, cell.EntrySide, StatusOf(cell), cell.HoldingQuantity, cell.Retired));
        }

        rungs.Sort((a, b) => a.EntryPrice.CompareTo(b.EntryPrice));
        return new GridLadder(state.Phase, [.. state.Levels], rungs, state.Inventory);
    }

    /// <summary>
    /// The grid ladder of a strategy state: the grid's own, or in a hybrid the grid child's while the grid is the active
    /// leg (an inactive grid holds no live rungs worth drawing); null for any other state.
    /// </summary>
    public static GridLadder? From(IStrategyState? state) => state switch
    {
        GridState grid => Of(grid),
        HybridSnapshot { Core.Active: HybridLeg.Grid, Grid: GridState grid } => Of(grid),
        _ => null,
    };

    private static GridRungStatus StatusOf(GridCell cell) =>
        cell.HoldingQuantity != 0m ? GridRungStatus.Filled
        : cell.Order is { Role: GridOrderRole.Entry } ? GridRungStatus.Resting
        : cell.Failures > 0 ? GridRungStatus.Skipped
        : GridRungStatus.Idle;
}
