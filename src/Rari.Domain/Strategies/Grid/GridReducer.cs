using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// Folds one grid event into a grid state: the only code that changes decision state, used by
/// <see cref="GridStrategy.Apply"/> live and on recovery, and by the strategy's own deciding on a scratch copy.
/// </summary>
/// <remarks>
/// Pure: same state and event, same result. An event that does not fit the state (an unknown order, a trade already
/// counted, a rung that does not exist) means the journal and the state have parted, and throws.
/// </remarks>
internal static partial class GridReducer
{
    public static GridState Apply(GridState state, IStrategyEvent strategyEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(strategyEvent);
        if (strategyEvent.StrategyId != state.StrategyId || strategyEvent.Symbol != state.Symbol)
        {
            throw new ArgumentException(
                $"Event of {strategyEvent.StrategyId}/{strategyEvent.Symbol} cannot be applied to grid {state.StrategyId}/{state.Symbol}.",
                nameof(strategyEvent));
        }

        return strategyEvent switch
        {
            GridStarted e => Started(state, e),
            GridRefused e => Refused(state, e),
            GridOrderPlaced e => Placed(state, e),
            GridOrderSkipped e => Skipped(state, e),
            GridOrderFilled e => Filled(state, e),
            GridOrderEnded e => Ended(state, e),
            GridEntriesWithdrawn e => Withdrawn(state, e),
            GridTrailed e => Trailed(state, e),
            GridRecentred e => Recentred(state, e),
            GridStopped e => Stopped(state, e),
            GridInventoryReleased e => Released(state, e),
            GridInventoryInherited e => Inherited(state, e),
            GridInventoryAssigned e => Assigned(state, e),
            _ => throw new ArgumentException($"{strategyEvent.GetType().Name} is not a grid event.", nameof(strategyEvent)),
        };
    }

    private static GridState Started(GridState state, GridStarted e)
    {
        var cells = state.Cells;
        var nextCellId = state.NextCellId;
        foreach (var plan in e.Plan.Cells)
        {
            cells = cells.Add(NewCell(plan));
            nextCellId = Math.Max(nextCellId, plan.Id + 1);
        }

        return Settle(state with
        {
            Phase = GridPhase.Running,
            PhaseSinceMs = e.TimestampMs,
            Layout = e.Plan.Layout,
            Levels = e.Plan.Levels,
            Spacing = e.Plan.Spacing,
            Cells = Sorted(cells),
            NextCellId = nextCellId,
            LastRefusal = null,
            RestartAtMs = 0,

            // Inventory the grid already holds (inherited) is valued at the build price: the PnL stops measure from here.
            RunStartNetPnl = state.NetRealizedPnl + state.UnrealizedPnl(e.Plan.ReferencePrice),
        });
    }

    private static GridState Refused(GridState state, GridRefused e)
    {
        // A refused recentre leaves a running grid running; a refused start leaves the grid waiting.
        var phase = state.Phase == GridPhase.Running ? GridPhase.Running : GridPhase.Refused;
        return state with
        {
            Phase = phase,
            PhaseSinceMs = phase == state.Phase ? state.PhaseSinceMs : e.TimestampMs,
            LastRefusal = e.Refusal,
        };
    }

    private static GridState Placed(GridState state, GridOrderPlaced e)
    {
        if (e.Sequence != state.NextSequence)
        {
            throw new InvalidOperationException(
                $"Order {e.ClientOrderId} uses sequence {e.Sequence} but grid {state.StrategyId} is at {state.NextSequence}.");
        }

        var order = new GridOrder(e.ClientOrderId, e.Role, e.Side, e.Type, e.Price, e.Quantity, 0m, GridOrderStatus.Working, ValueList.Empty<TradeId>());
        state = state with { NextSequence = e.Sequence + 1 };
        if (e.CellId == 0)
        {
            return state with { DetachedOrders = state.DetachedOrders.Add(order) };
        }

        var index = RequireCell(state, e.CellId);
        var cell = state.Cells[index];
        if (cell.Order is not null)
        {
            throw new InvalidOperationException($"Rung {cell.Id} of grid {state.StrategyId} already has order {cell.Order.ClientOrderId}.");
        }

        return state with { Cells = state.Cells.SetItem(index, cell with { Order = order }) };
    }

    private static GridState Skipped(GridState state, GridOrderSkipped e)
    {
        if (e.CellId == 0)
        {
            return state with { ClosingFailures = state.ClosingFailures + 1, ClosingRetryAtMs = e.RetryAtMs };
        }

        var index = RequireCell(state, e.CellId);
        var cell = state.Cells[index];
        return state with { Cells = state.Cells.SetItem(index, cell with { Failures = cell.Failures + 1, RetryAtMs = e.RetryAtMs }) };
    }

    private static GridState Filled(GridState state, GridOrderFilled e)
    {
        var order = RequireOrder(state, e.ClientOrderId, out var cellIndex, out var detachedIndex);
        if (order.HasTrade(e.TradeId))
        {
            throw new InvalidOperationException($"Trade {e.TradeId} of order {e.ClientOrderId} is already counted.");
        }

        var filled = order with { FilledQuantity = order.FilledQuantity + e.Quantity, TradeIds = order.TradeIds.Add(e.TradeId) };
        var delta = e.Side == OrderSide.Buy ? e.Quantity : -e.Quantity;
        state = state with { Inventory = state.Inventory + delta, FeesPaid = state.FeesPaid + e.Fee };

        if (cellIndex >= 0)
        {
            var cell = state.Cells[cellIndex];
            var (holding, realized) = new Holding(cell.HoldingQuantity, cell.HoldingCost).Trade(delta, e.Price);
            var roundTrip = filled.IsComplete && filled.Role == GridOrderRole.Exit && holding.Quantity == 0m;
            cell = cell with
            {
                HoldingQuantity = holding.Quantity,
                HoldingCost = holding.Cost,
                Order = filled.IsComplete ? null : filled,
                Failures = 0,
            };
            return Settle(state with
            {
                Cells = state.Cells.SetItem(cellIndex, cell),
                RealizedPnl = state.RealizedPnl + realized,
                RoundTrips = state.RoundTrips + (roundTrip ? 1 : 0),
            });
        }

        var (closing, closed) = new Holding(state.ClosingQuantity, state.ClosingCost).Trade(delta, e.Price);
        return Settle(state with
        {
            DetachedOrders = filled.IsComplete ? state.DetachedOrders.RemoveAt(detachedIndex) : state.DetachedOrders.SetItem(detachedIndex, filled),
            ClosingQuantity = closing.Quantity,
            ClosingCost = closing.Cost,
            ClosingFailures = 0,
            RealizedPnl = state.RealizedPnl + closed,
        });
    }

    private static GridState Ended(GridState state, GridOrderEnded e)
    {
        var order = RequireOrder(state, e.ClientOrderId, out var cellIndex, out var detachedIndex);
        if (cellIndex >= 0)
        {
            var cell = state.Cells[cellIndex];
            cell = e.Requested
                ? cell with { Order = null }
                : cell with { Order = null, Failures = cell.Failures + 1, RetryAtMs = e.RetryAtMs };
            return Settle(state with { Cells = state.Cells.SetItem(cellIndex, cell) });
        }

        state = state with { DetachedOrders = state.DetachedOrders.RemoveAt(detachedIndex) };
        return !e.Requested && order.Role == GridOrderRole.Close
            ? state with { ClosingFailures = state.ClosingFailures + 1, ClosingRetryAtMs = e.RetryAtMs }
            : state;
    }

    private static GridState Withdrawn(GridState state, GridEntriesWithdrawn e)
    {
        var cells = state.Cells;
        foreach (var id in e.Orders)
        {
            RequireOrder(state, id, out var cellIndex, out _);
            var cell = cells[cellIndex];
            cells = cells.SetItem(cellIndex, cell with { Order = cell.Order! with { Status = GridOrderStatus.CancelRequested } });
        }

        return state with { Cells = cells };
    }

    private static GridState Trailed(GridState state, GridTrailed e)
    {
        var index = RequireCell(state, e.RetiredCellId);
        var cells = state.Cells.SetItem(index, Retire(state.Cells[index])).Add(NewCell(e.AddedCell));
        return Settle(state with
        {
            Layout = e.Layout,
            Levels = e.Levels,
            Cells = Sorted(cells),
            NextCellId = Math.Max(state.NextCellId, e.AddedCell.Id + 1),
        });
    }

    private static GridState Recentred(GridState state, GridRecentred e)
    {
        var cells = state.Cells;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Retired)
            {
                continue;
            }

            var plan = FindPlan(e.Plan.Cells, cell.Id);
            cells = cells.SetItem(i, plan is null ? Retire(cell) : cell with { Kind = plan.Kind });
        }

        var nextCellId = state.NextCellId;
        foreach (var plan in e.Plan.Cells)
        {
            if (state.IndexOfCell(plan.Id) < 0)
            {
                cells = cells.Add(NewCell(plan));
            }

            nextCellId = Math.Max(nextCellId, plan.Id + 1);
        }

        return Settle(state with
        {
            Layout = e.Plan.Layout,
            Levels = e.Plan.Levels,
            Spacing = e.Plan.Spacing,
            Cells = Sorted(cells),
            NextCellId = nextCellId,
            LastRefusal = null,
        });
    }

    private static GridState Stopped(GridState state, GridStopped e)
    {
        var (closing, realized) = new Holding(state.ClosingQuantity, state.ClosingCost)
            .Merge(new Holding(state.InheritedQuantity, state.InheritedCost));
        var detached = state.DetachedOrders;
        foreach (var cell in state.Cells)
        {
            (closing, var offset) = closing.Merge(new Holding(cell.HoldingQuantity, cell.HoldingCost));
            realized += offset;
            if (cell.Order is { } order)
            {
                detached = detached.Add(order with { Status = GridOrderStatus.CancelRequested });
            }
        }

        return Settle(state with
        {
            Phase = e.RestartAtMs > 0 ? GridPhase.CoolingDown : GridPhase.Stopped,
            PhaseSinceMs = e.TimestampMs,
            Layout = null,
            Levels = ValueList.Empty<decimal>(),
            Spacing = 0m,
            Cells = ValueList.Empty<GridCell>(),
            DetachedOrders = detached,
            ClosingQuantity = closing.Quantity,
            ClosingCost = closing.Cost,
            ClosingFailures = 0,
            ClosingRetryAtMs = 0,
            InheritedQuantity = 0m,
            InheritedCost = 0m,
            RealizedPnl = state.RealizedPnl + realized,
            RestartAtMs = e.RestartAtMs,
            LastStop = e.Kind,
        });
    }

    private static GridCell NewCell(GridCellPlan plan) =>
        new(plan.Id, plan.Index, plan.Kind, plan.LowerPrice, plan.UpperPrice, plan.Quantity, false, 0m, 0m, null, 0, 0);

    // A retired rung takes no new entry: a working entry is cancelled, an exit keeps working until the inventory is gone.
    private static GridCell Retire(GridCell cell) =>
        cell.Order is { Role: GridOrderRole.Entry, Status: GridOrderStatus.Working } entry
            ? cell with { Retired = true, Order = entry with { Status = GridOrderStatus.CancelRequested } }
            : cell with { Retired = true };

    private static GridCellPlan? FindPlan(ValueList<GridCellPlan> plans, long id)
    {
        foreach (var plan in plans)
        {
            if (plan.Id == id)
            {
                return plan;
            }
        }

        return null;
    }

    private static ValueList<GridCell> Sorted(ValueList<GridCell> cells) =>
        ValueList.From(cells.OrderBy(c => c.LowerPrice).ThenBy(c => c.Id));

    /// <summary>Drops retired rungs that hold nothing and have no order, and recomputes the inventory cost.</summary>
    private static GridState Settle(GridState state)
    {
        var cells = state.Cells;
        var cost = state.ClosingCost + state.InheritedCost;
        for (var i = cells.Count - 1; i >= 0; i--)
        {
            var cell = cells[i];
            if (cell.Retired && cell.IsIdle)
            {
                cells = cells.RemoveAt(i);
                continue;
            }

            cost += cell.HoldingCost;
        }

        return state with { Cells = cells, InventoryCost = cost };
    }

    private static int RequireCell(GridState state, long cellId)
    {
        var index = state.IndexOfCell(cellId);
        return index >= 0 ? index : throw new InvalidOperationException($"Grid {state.StrategyId} has no rung {cellId}.");
    }

    private static GridOrder RequireOrder(GridState state, ClientOrderId id, out int cellIndex, out int detachedIndex)
    {
        if (!state.TryFindOrder(id, out cellIndex, out detachedIndex))
        {
            throw new InvalidOperationException($"Grid {state.StrategyId} has no order {id}.");
        }

        return cellIndex >= 0 ? state.Cells[cellIndex].Order! : state.DetachedOrders[detachedIndex];
    }
}
