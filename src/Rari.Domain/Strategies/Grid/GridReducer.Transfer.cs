namespace Rari.Domain.Strategies.Grid;

// Folding the hybrid strategy's hand-overs: a release empties the grid's books, an inheritance fills them.
internal static partial class GridReducer
{
    private static GridState Released(GridState state, GridInventoryReleased e)
    {
        // A stop's verdict outlives the release: a cooling-down grid still waits for its restart, a stopped one stays stopped.
        var phase = state.Phase is GridPhase.CoolingDown or GridPhase.Stopped ? state.Phase : GridPhase.Standby;
        return state with
        {
            Phase = phase,
            PhaseSinceMs = phase == state.Phase ? state.PhaseSinceMs : e.TimestampMs,
            Layout = null,
            Levels = ValueList.Empty<decimal>(),
            Spacing = 0m,
            Cells = ValueList.Empty<GridCell>(),
            DetachedOrders = ValueList.Empty<GridOrder>(),
            ClosingQuantity = 0m,
            ClosingCost = 0m,
            ClosingFailures = 0,
            ClosingRetryAtMs = 0,
            InheritedQuantity = 0m,
            InheritedCost = 0m,
            Inventory = 0m,
            InventoryCost = 0m,
        };
    }

    private static GridState Inherited(GridState state, GridInventoryInherited e)
    {
        if (!state.IsFlat)
        {
            throw new InvalidOperationException(
                $"Grid {state.StrategyId} cannot inherit {e.Quantity}: it holds {state.Inventory} and has {state.LiveOrderCount} orders that may still be open.");
        }

        if (e.Quantity == 0m || e.EntryPrice <= 0m)
        {
            throw new InvalidOperationException(
                $"Grid {state.StrategyId} cannot inherit {e.Quantity} at {e.EntryPrice}: a position needs a quantity and a positive price.");
        }

        var cost = e.Quantity * e.EntryPrice;
        if (state.Phase == GridPhase.Stopped)
        {
            // A grid stopped for good builds no lattice again: it closes what it is given, as after its own stop.
            return Settle(state with
            {
                ClosingQuantity = e.Quantity,
                ClosingCost = cost,
                ClosingFailures = 0,
                ClosingRetryAtMs = 0,
                Inventory = e.Quantity,
            });
        }

        // The rungs left (if any) are idle: the next bar rebuilds, so they go. A cool-down gives way to the hand-over,
        // which would otherwise leave the position without an exit until the restart.
        return Settle(state with
        {
            Phase = GridPhase.Standby,
            PhaseSinceMs = state.Phase == GridPhase.Standby ? state.PhaseSinceMs : e.TimestampMs,
            Layout = null,
            Levels = ValueList.Empty<decimal>(),
            Spacing = 0m,
            Cells = ValueList.Empty<GridCell>(),
            InheritedQuantity = e.Quantity,
            InheritedCost = cost,
            Inventory = e.Quantity,
            RestartAtMs = 0,
        });
    }

    private static GridState Assigned(GridState state, GridInventoryAssigned e)
    {
        var cells = state.Cells;
        var quantity = 0m;
        var cost = 0m;
        var nextCellId = state.NextCellId;
        foreach (var holding in e.Rungs)
        {
            var plan = holding.Rung;
            if (state.IndexOfCell(plan.Id) >= 0 || Math.Sign(holding.HoldingQuantity) != (plan.Kind == GridCellKind.Long ? 1 : -1))
            {
                throw new InvalidOperationException($"Rung {plan.Id} of grid {state.StrategyId} cannot take {holding.HoldingQuantity} of inherited inventory.");
            }

            cells = cells.Add(NewCell(plan) with { Retired = true, HoldingQuantity = holding.HoldingQuantity, HoldingCost = holding.HoldingCost });
            quantity += holding.HoldingQuantity;
            cost += holding.HoldingCost;
            nextCellId = Math.Max(nextCellId, plan.Id + 1);
        }

        if (quantity != state.InheritedQuantity || cost != state.InheritedCost)
        {
            throw new InvalidOperationException(
                $"Grid {state.StrategyId} inherited {state.InheritedQuantity} costing {state.InheritedCost}, but the rungs take {quantity} costing {cost}.");
        }

        return Settle(state with
        {
            Cells = Sorted(cells),
            NextCellId = nextCellId,
            InheritedQuantity = 0m,
            InheritedCost = 0m,
        });
    }
}
