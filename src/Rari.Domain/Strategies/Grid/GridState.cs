using Rari.Domain.Identifiers;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// The grid's decision state: its phase, settings, lattice and rungs with their orders and inventory, the orders being
/// wound down after a stop, the books (inventory, round-trip PnL, fees) and the client-order sequence. Changed only by
/// folding grid events; compares by value, so a snapshot restored or a journal replayed gives an equal state.
/// </summary>
/// <remarks>
/// Invariants: <see cref="Inventory"/> is the signed sum of every fill of the grid's orders and of the inventory it
/// inherited since its last release, and equals the sum of the rungs' holdings plus <see cref="ClosingQuantity"/> plus
/// <see cref="InheritedQuantity"/>; <see cref="InventoryCost"/> is the matching sum of costs. Every order appears once,
/// in a rung or in <see cref="DetachedOrders"/>.
/// </remarks>
public sealed record GridState : IStrategyState
{
    /// <inheritdoc />
    public required StrategyId StrategyId { get; init; }

    /// <summary>The symbol the grid trades.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary>The settings the grid runs with (a copy, journaled with the state).</summary>
    public required GridSettings Settings { get; init; }

    /// <summary>Where the grid is in its life.</summary>
    public GridPhase Phase { get; init; } = GridPhase.WarmingUp;

    /// <summary>When the current phase began (market time), UTC epoch milliseconds; 0 before the first decision.</summary>
    public long PhaseSinceMs { get; init; }

    /// <summary>The lattice and window in use; null when no grid is built.</summary>
    public GridLayout? Layout { get; init; }

    /// <summary>The window's level prices, ascending; empty when no grid is built.</summary>
    public ValueList<decimal> Levels { get; init; } = ValueList.Empty<decimal>();

    /// <summary>The relative step of the current lattice (e.g. 0.02); 0 when no grid is built.</summary>
    public decimal Spacing { get; init; }

    /// <summary>The rungs, active and retired, ordered by lattice index and then id.</summary>
    public ValueList<GridCell> Cells { get; init; } = ValueList.Empty<GridCell>();

    /// <summary>Orders no longer tied to a rung: cancelled ones awaiting the venue's confirmation after a stop, and closing orders.</summary>
    /// <remarks>Their fills change <see cref="ClosingQuantity"/>.</remarks>
    public ValueList<GridOrder> DetachedOrders { get; init; } = ValueList.Empty<GridOrder>();

    /// <summary>Signed inventory to be closed after a stop; 0 otherwise.</summary>
    public decimal ClosingQuantity { get; init; }

    /// <summary>Signed cost of <see cref="ClosingQuantity"/>.</summary>
    public decimal ClosingCost { get; init; }

    /// <summary>Consecutive failures of the closing order (for its back-off).</summary>
    public int ClosingFailures { get; init; }

    /// <summary>No closing order is placed before this market time, UTC epoch milliseconds.</summary>
    public long ClosingRetryAtMs { get; init; }

    /// <summary>
    /// Signed inventory handed over by the hybrid strategy and not yet given to take-profit rungs (that happens on the
    /// next bar); 0 otherwise.
    /// </summary>
    public decimal InheritedQuantity { get; init; }

    /// <summary>Signed cost of <see cref="InheritedQuantity"/> (quantity × the position's entry price).</summary>
    public decimal InheritedCost { get; init; }

    /// <summary>The grid's own signed inventory: the signed sum of all its fills and of what it inherited.</summary>
    public decimal Inventory { get; init; }

    /// <summary>Signed cost of the inventory (rungs' holdings plus the closing and inherited buckets).</summary>
    public decimal InventoryCost { get; init; }

    /// <summary>PnL realized by completed (and partly completed) round trips and by closing, before fees, USDT.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>Fees paid by the grid's fills, USDT (negative for net rebates).</summary>
    public decimal FeesPaid { get; init; }

    /// <summary>Round trips completed: exits that filled completely.</summary>
    public int RoundTrips { get; init; }

    /// <summary><see cref="RealizedPnl"/> − <see cref="FeesPaid"/> when the current grid started; the PnL stops measure from here.</summary>
    public decimal RunStartNetPnl { get; init; }

    /// <summary>The sequence number of the next client order id.</summary>
    public long NextSequence { get; init; } = 1;

    /// <summary>The id the next new rung gets.</summary>
    public long NextCellId { get; init; } = 1;

    /// <summary>The last refusal of the feasibility check, while it is relevant (cleared when a grid starts or recentres).</summary>
    public GridRefusal? LastRefusal { get; init; }

    /// <summary>After a stop: the market time from which the grid may start again, UTC epoch milliseconds; 0 if never.</summary>
    public long RestartAtMs { get; init; }

    /// <summary>The last stop, if any.</summary>
    public GridStopKind? LastStop { get; init; }

    /// <summary>The state of a grid that has decided nothing yet.</summary>
    public static GridState Initial(StrategyId strategyId, Symbol symbol, GridSettings settings) =>
        new() { StrategyId = strategyId, Symbol = symbol, Settings = settings };

    /// <summary>Realized PnL net of fees, USDT.</summary>
    public decimal NetRealizedPnl => RealizedPnl - FeesPaid;

    /// <summary>The lowest level of the window; 0 when no grid is built.</summary>
    public decimal Lower => Levels.Count > 0 ? Levels[0] : 0m;

    /// <summary>The highest level of the window; 0 when no grid is built.</summary>
    public decimal Upper => Levels.Count > 0 ? Levels[^1] : 0m;

    /// <summary>Unrealized PnL of the inventory valued at <paramref name="price"/>, USDT.</summary>
    public decimal UnrealizedPnl(decimal price) => (Inventory * price) - InventoryCost;

    /// <summary>The current grid's PnL since it started: net realized since the start plus the inventory valued at <paramref name="price"/>.</summary>
    public decimal RunPnl(decimal price) => NetRealizedPnl - RunStartNetPnl + UnrealizedPnl(price);

    /// <summary>
    /// True when the grid holds nothing (no rung, closing or inherited inventory) and has no order that may still be
    /// open at the venue: the only state in which it may inherit a position.
    /// </summary>
    public bool IsFlat
    {
        get
        {
            if (ClosingQuantity != 0m || InheritedQuantity != 0m || DetachedOrders.Count > 0)
            {
                return false;
            }

            for (var i = 0; i < Cells.Count; i++)
            {
                if (!Cells[i].IsIdle)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Number of orders that may still be open at the venue (working or being cancelled).</summary>
    public int LiveOrderCount
    {
        get
        {
            var count = DetachedOrders.Count;
            for (var i = 0; i < Cells.Count; i++)
            {
                if (Cells[i].Order is not null)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The client order ids of every order that may still be open at the venue.</summary>
    public IReadOnlyList<ClientOrderId> LiveOrderIds()
    {
        var ids = new List<ClientOrderId>(LiveOrderCount);
        foreach (var cell in Cells)
        {
            if (cell.Order is { } order)
            {
                ids.Add(order.ClientOrderId);
            }
        }

        foreach (var order in DetachedOrders)
        {
            ids.Add(order.ClientOrderId);
        }

        return ids;
    }

    /// <summary>Finds an order of the grid: in a rung (<paramref name="cellIndex"/> ≥ 0) or detached (<paramref name="detachedIndex"/> ≥ 0).</summary>
    public bool TryFindOrder(ClientOrderId id, out int cellIndex, out int detachedIndex)
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (Cells[i].Order is { } order && order.ClientOrderId == id)
            {
                cellIndex = i;
                detachedIndex = -1;
                return true;
            }
        }

        for (var i = 0; i < DetachedOrders.Count; i++)
        {
            if (DetachedOrders[i].ClientOrderId == id)
            {
                cellIndex = -1;
                detachedIndex = i;
                return true;
            }
        }

        cellIndex = -1;
        detachedIndex = -1;
        return false;
    }

    /// <summary>The position of the rung with <paramref name="cellId"/> in <see cref="Cells"/>, or −1.</summary>
    public int IndexOfCell(long cellId)
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (Cells[i].Id == cellId)
            {
                return i;
            }
        }

        return -1;
    }
}
