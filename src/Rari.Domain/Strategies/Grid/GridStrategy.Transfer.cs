using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Portfolio;

namespace Rari.Domain.Strategies.Grid;

// Working inside the hybrid strategy: giving up the inventory, taking one over, and watching the market while inactive.
public sealed partial class GridStrategy
{
    /// <inheritdoc />
    /// <remarks>
    /// The grid forgets its rungs, orders and inventory (the hybrid has cancelled its open orders and closes or hands on
    /// the position itself) and keeps its realized PnL, fees and round trips. It then rebuilds from
    /// <see cref="GridPhase.Standby"/>; a cooling-down or stopped grid stays so.
    /// </remarks>
    public IStrategyEvent ReleasePosition(long timestampMs, string reason) => new GridInventoryReleased(Id, Symbol, timestampMs, reason);

    /// <inheritdoc />
    public Hybrid.OwnedPosition OwnedPosition => _state.Inventory == 0m
        ? Hybrid.OwnedPosition.Flat
        : new(_state.Inventory, Math.Abs(_state.InventoryCost / _state.Inventory));

    /// <inheritdoc />
    /// <remarks>
    /// On its next bar the grid splits the position over take-profit rungs on the lattice, beyond the entry by a
    /// fee-paying step and beyond the price (so an inherited long is sold above its entry), and sends their reduce-only
    /// exits; then it rebuilds its window when the symbol is active. A grid stopped for good closes the position at
    /// market instead.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is 0 or the price is not positive.</exception>
    public IStrategyEvent InheritPosition(decimal signedQuantity, decimal entryPrice, long timestampMs)
    {
        if (!_state.IsFlat)
        {
            throw new InvalidOperationException(
                $"Grid {Id} cannot inherit a position: it holds {_state.Inventory} and has {_state.LiveOrderCount} orders that may still be open.");
        }

        ArgumentOutOfRangeException.ThrowIfZero(signedQuantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entryPrice);
        return new GridInventoryInherited(Id, Symbol, timestampMs, signedQuantity, entryPrice);
    }

    /// <inheritdoc />
    public void Observe(in Kline closedKline) => _market.Update(closedKline, _state);

    /// <summary>The first bar after a release or a hand-over: exits for inherited inventory, then the rebuild.</summary>
    private void LeaveStandby(decimal close, bool active)
    {
        if (_decision.State.InheritedQuantity != 0m)
        {
            AssignInherited(close);
        }

        if (active && _market.IsReady)
        {
            TryStart(close, "back from standby");
        }

        RearmExitsUntilRunning(close);
    }

    /// <summary>
    /// Outside a running grid only inherited take-profit rungs hold inventory; their exits only reduce exposure, so
    /// they are sent (and re-armed after a failure) whatever the window's fate. A running grid re-arms in its bar.
    /// </summary>
    private void RearmExitsUntilRunning(decimal close)
    {
        if (_decision.State.Phase != GridPhase.Running)
        {
            RearmCells(close);
        }
    }

    /// <summary>
    /// Splits the inherited inventory over retired rungs on the lattice the grid would build now. The first exit level
    /// is the nearest beyond both the price and the entry moved by the step a round trip needs to pay its fees (as the
    /// feasibility check requires of every step); the next ones follow outward, one level each. The parts are about one
    /// rung's quantity each, at most one per rung of the window and never more than the order cap, none below the
    /// minimum quantity; the nearest level takes the rounding remainder.
    /// </summary>
    private void AssignInherited(decimal close)
    {
        var state = _decision.State;
        ref readonly var context = ref _decision.Context;
        var instrument = context.Instrument;
        var quantity = state.InheritedQuantity;
        var cost = state.InheritedCost;
        var isLong = quantity > 0m;
        var size = Math.Abs(quantity);
        var entry = cost / quantity;
        var layout = GridPlanner.NewLayout(Settings, instrument, close, _market.Spacing(close));
        var step = (Settings.FeeCoverage * 2m * context.MakerFeeRate) + Settings.MinStepMargin;
        var threshold = isLong ? Math.Max(close, entry * (1m + step)) : Math.Min(close, entry * (1m - step));

        // The exit level of the nearest rung: the first lattice level strictly beyond the threshold.
        var exitLevel = GridPlanner.LevelAtOrBelow(layout, instrument, threshold);
        if (isLong)
        {
            exitLevel++;
        }
        else if (layout.Price(exitLevel, instrument) >= threshold)
        {
            exitLevel--;
        }

        var count = PartCount(size, layout.Price(exitLevel, instrument), instrument);
        var part = instrument.RoundQuantityDown(size / count);
        if (part <= 0m)
        {
            count = 1;
            part = size;
        }

        var sign = isLong ? 1m : -1m;
        var rungs = new GridRungHolding[count];
        var assignedCost = 0m;
        for (var i = count - 1; i >= 0; i--)
        {
            var held = i == 0 ? size - (part * (count - 1)) : part;
            var heldCost = i == 0 ? cost - assignedCost : Accounting.Quantize(cost * held / size);
            assignedCost += heldCost;

            // A long rung takes profit at its upper level, a short rung at its lower one.
            var index = isLong ? exitLevel + i - 1 : exitLevel - i;
            var plan = new GridCellPlan(
                state.NextCellId + i,
                index,
                isLong ? GridCellKind.Long : GridCellKind.Short,
                layout.Price(index, instrument),
                layout.Price(index + 1, instrument),
                held);
            rungs[i] = new GridRungHolding(plan, sign * held, heldCost);
        }

        var first = isLong ? rungs[0].Rung.UpperPrice : rungs[0].Rung.LowerPrice;
        var last = isLong ? rungs[^1].Rung.UpperPrice : rungs[^1].Rung.LowerPrice;
        var reason = Text(
            $"inherited {(isLong ? "long" : "short")} {size} at {Money(entry)}: take profit in {count} part{(count == 1 ? string.Empty : "s")} from {first} to {last}");
        _decision.Emit(new GridInventoryAssigned(Id, Symbol, _decision.Now, ValueList.From(rungs), reason));
    }

    private int PartCount(decimal size, decimal firstExit, Instrument instrument)
    {
        var perRung = firstExit > 0m ? instrument.RoundQuantityDown(Settings.NotionalPerLevel / firstExit) : 0m;
        var count = perRung > 0m ? Math.Ceiling(size / perRung) : 1m;
        count = Math.Min(count, Math.Min(Settings.LevelCount - 1, OrderLimit(instrument)));
        var minQty = instrument.LotSize.MinQty;
        if (minQty > 0m)
        {
            count = Math.Min(count, Math.Floor(size / minQty));
        }

        return (int)Math.Max(1m, count);
    }
}
