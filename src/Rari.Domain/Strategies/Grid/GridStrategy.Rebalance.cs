using Rari.Domain.Instruments;

namespace Rari.Domain.Strategies.Grid;

// Following the price out of the range: trailing one level per bar, or recentring once a trend is confirmed.
public sealed partial class GridStrategy
{
    private void Rebalance(decimal close)
    {
        switch (Settings.Rebalance)
        {
            case GridRebalanceMode.Trail:
                Trail(close);
                break;
            case GridRebalanceMode.Recentre:
                Recentre(close);
                break;
        }
    }

    /// <summary>
    /// Moves the window one level toward a price outside it: the farthest rung retires (its entry is cancelled) and a
    /// rung joins at the near end. Trailing never abandons inventory: if the farthest rung holds some — as on the
    /// losing side, where every entry has filled — the grid stays and the stop-loss guards it.
    /// </summary>
    private void Trail(decimal close)
    {
        var state = _decision.State;
        var up = close > state.Upper;
        if (!up && close >= state.Lower)
        {
            return;
        }

        GridCell? farthest = null;
        for (var i = 0; i < state.Cells.Count; i++)
        {
            var cell = state.Cells[i];
            if (!cell.Retired && (farthest is null || (up ? cell.Index < farthest.Index : cell.Index > farthest.Index)))
            {
                farthest = cell;
            }
        }

        if (farthest is null || farthest.HoldingQuantity != 0m)
        {
            return;
        }

        var instrument = _decision.Context.Instrument;
        var layout = state.Layout!.Shifted(up ? 1 : -1);
        var index = up ? layout.LastIndex - 1 : layout.FirstIndex;
        var lower = layout.Price(index, instrument);
        var upper = layout.Price(index + 1, instrument);
        if (!IsValidLevel(instrument, lower) || !IsValidLevel(instrument, upper) || upper <= lower)
        {
            return;
        }

        var before = state;
        var added = GridPlanner.NewCell(state.NextCellId, index, lower, upper, instrument, Settings, close);
        var levels = GridPlanner.Levels(layout, instrument);
        _decision.Emit(new GridTrailed(
            Id, Symbol, _decision.Now, up ? GridTrailDirection.Up : GridTrailDirection.Down, layout, levels, farthest.Id, added));
        SendCancels(before, "grid trailed");
    }

    /// <summary>
    /// Rebuilds the window around the price once it has closed outside the range for <c>RecentreAfterBars</c> bars.
    /// The lattice stays (so rungs inside both windows keep their orders) unless a volatility range re-evaluated to a
    /// different spacing. Rungs that leave retire: entries are cancelled, exits stay until their inventory is gone.
    /// </summary>
    private void Recentre(decimal close)
    {
        if (_market.BarsOutside < Settings.RecentreAfterBars || _decision.Now < _market.RetryAtMs)
        {
            return;
        }

        var state = _decision.State;
        ref readonly var context = ref _decision.Context;
        var spacing = Settings.RangeSource == GridRangeSource.Volatility ? _market.Spacing(close) : state.Spacing;
        var sameLattice = spacing == state.Spacing;
        var layout = sameLattice
            ? GridPlanner.Recentred(state.Layout!, context.Instrument, Settings.Direction, close)
            : GridPlanner.NewLayout(Settings, context.Instrument, close, spacing);
        var plan = GridPlanner.Plan(layout, context.Instrument, Settings, close, spacing, state.NextCellId, sameLattice ? state.Cells : []);

        // What the new window does not hold stays with the grid: the inventory of the rungs that retire.
        var carriedQuantity = state.ClosingQuantity;
        var carriedCost = state.ClosingCost;
        foreach (var cell in state.Cells)
        {
            if (!Contains(plan, cell.Id))
            {
                carriedQuantity += cell.HoldingQuantity;
                carriedCost += cell.HoldingCost;
            }
        }

        var refusal = GridFeasibility.Check(plan, Settings, context, carriedQuantity, carriedCost);
        if (refusal is not null)
        {
            Refuse(refusal);
            return;
        }

        var reason = Text(
            $"close {close} stayed outside {state.Lower} to {state.Upper} for {_market.BarsOutside} bars; rebuilt from {plan.Lower} to {plan.Upper}{(sameLattice ? string.Empty : " with a new spacing of " + Percent(plan.Spacing))}");
        _decision.Emit(new GridRecentred(Id, Symbol, _decision.Now, plan, reason));
        SendCancels(state, "grid recentred");
    }

    private static bool Contains(GridPlan plan, long cellId)
    {
        foreach (var cell in plan.Cells)
        {
            if (cell.Id == cellId)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValidLevel(Instrument instrument, decimal price)
    {
        var filter = instrument.PriceFilter;
        return price > 0m && (filter.MinPrice == 0m || price >= filter.MinPrice) && (filter.MaxPrice == 0m || price <= filter.MaxPrice);
    }
}
