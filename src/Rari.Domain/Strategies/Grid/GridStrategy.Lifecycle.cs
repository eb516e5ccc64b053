using System.Globalization;
using Rari.Domain.Identifiers;

namespace Rari.Domain.Strategies.Grid;

// Starting, refusing and stopping the grid, and withdrawing entries while the symbol is reducing.
public sealed partial class GridStrategy
{
    private GridState? _stopPricesOf;
    private StopPrices _stopPrices;

    private void TryStart(decimal close, string why)
    {
        var state = _decision.State;
        ref readonly var context = ref _decision.Context;
        var spacing = _market.Spacing(close);
        var layout = GridPlanner.NewLayout(Settings, context.Instrument, close, spacing);
        var plan = GridPlanner.Plan(layout, context.Instrument, Settings, close, spacing, state.NextCellId, []);

        // Inventory the grid already holds lies outside the new window (inherited, on retired take-profit rungs).
        var refusal = GridFeasibility.Check(plan, Settings, context, state.Inventory, state.InventoryCost);
        if (refusal is not null)
        {
            Refuse(refusal);
            return;
        }

        var mode = Settings.SpacingMode.ToString().ToLowerInvariant();
        var direction = Settings.Direction.ToString().ToLowerInvariant();
        var reason = Text($"{why}: {direction} grid of {plan.Levels.Count} {mode} levels {Percent(plan.Spacing)} apart from {plan.Lower} to {plan.Upper} around {close}");
        _decision.Emit(new GridStarted(Id, Symbol, _decision.Now, plan, reason));
        RearmCells(close);
    }

    /// <summary>Journals a refusal only when its rule differs from the last one, and schedules the next attempt.</summary>
    private void Refuse(GridRefusal refusal)
    {
        var state = _decision.State;
        _market.RetryAtMs = _decision.Now + (Settings.RefusalRetryBars * Settings.BarMs);
        var sameAsBefore = state.LastRefusal?.Code == refusal.Code
            && (state.Phase is GridPhase.Refused or GridPhase.Running);
        if (!sameAsBefore)
        {
            _decision.Emit(new GridRefused(Id, Symbol, _decision.Now, refusal));
        }
    }

    /// <summary>Fires a grid-wide stop when the close or the grid's PnL is past a configured limit.</summary>
    private bool CheckStops(decimal close)
    {
        var state = _decision.State;
        var settings = Settings;
        var lower = state.Lower;
        var upper = state.Upper;
        var direction = settings.Direction;
        var stops = StopPricesOf(state);

        if (settings.StopLossDistance is { } loss)
        {
            if (direction != GridDirection.Short && close <= stops.LossBelow)
            {
                return Stop(GridStopKind.StopLoss, Text($"close {close} is more than {Percent(loss)} below the range low {lower}"));
            }

            if (direction != GridDirection.Long && close >= stops.LossAbove)
            {
                return Stop(GridStopKind.StopLoss, Text($"close {close} is more than {Percent(loss)} above the range high {upper}"));
            }
        }

        if (settings.TakeProfitDistance is { } profit)
        {
            if (direction == GridDirection.Long && close >= stops.ProfitAbove)
            {
                return Stop(GridStopKind.TakeProfit, Text($"close {close} is more than {Percent(profit)} above the range high {upper}"));
            }

            if (direction == GridDirection.Short && close <= stops.ProfitBelow)
            {
                return Stop(GridStopKind.TakeProfit, Text($"close {close} is more than {Percent(profit)} below the range low {lower}"));
            }
        }

        if (settings.StopLossAmount is null && settings.TakeProfitAmount is null)
        {
            return false;
        }

        var pnl = state.RunPnl(close);
        if (settings.StopLossAmount is { } maxLoss && pnl <= -maxLoss)
        {
            return Stop(GridStopKind.StopLoss, Text($"the grid's PnL {Money(pnl)} USDT at close {close} reached the loss limit of {maxLoss} USDT"));
        }

        if (settings.TakeProfitAmount is { } target && pnl >= target)
        {
            return Stop(GridStopKind.TakeProfit, Text($"the grid's PnL {Money(pnl)} USDT at close {close} reached the profit target of {target} USDT"));
        }

        return false;
    }

    /// <summary>The closes at which the distance stops fire, computed once per state (range and settings are the state's).</summary>
    private StopPrices StopPricesOf(GridState state)
    {
        if (!ReferenceEquals(_stopPricesOf, state))
        {
            var settings = state.Settings;
            var loss = settings.StopLossDistance ?? 0m;
            var profit = settings.TakeProfitDistance ?? 0m;
            _stopPrices = new StopPrices(
                state.Lower * (1m - loss), state.Upper * (1m + loss), state.Lower * (1m - profit), state.Upper * (1m + profit));
            _stopPricesOf = state;
        }

        return _stopPrices;
    }

    private bool Stop(GridStopKind kind, string reason)
    {
        var before = _decision.State;
        var restartAt = Settings.CooldownBars is { } bars ? Math.Max(1L, _decision.Now + (bars * Settings.BarMs)) : 0L;
        _decision.Emit(new GridStopped(Id, Symbol, _decision.Now, kind, reason, before.Inventory, restartAt));
        SendCancels(before, "grid stopped");
        RearmClosing();
        return true;
    }

    /// <summary>While the symbol is reducing, working entries would only add exposure: cancel them, keep the exits.</summary>
    private void WithdrawEntries()
    {
        var state = _decision.State;
        List<ClientOrderId>? ids = null;
        for (var i = 0; i < state.Cells.Count; i++)
        {
            if (state.Cells[i].Order is { Role: GridOrderRole.Entry, Status: GridOrderStatus.Working } entry)
            {
                (ids ??= []).Add(entry.ClientOrderId);
            }
        }

        if (ids is null)
        {
            return;
        }

        _decision.Emit(new GridEntriesWithdrawn(Id, Symbol, _decision.Now, ValueList.From(ids), "the symbol is reducing: no new exposure"));
        SendCancels(state, "symbol reducing");
    }

    /// <summary>The closes at or beyond which the distance stops fire: below the range low and above the range high.</summary>
    private readonly record struct StopPrices(decimal LossBelow, decimal LossAbove, decimal ProfitBelow, decimal ProfitAbove);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";

    private static string Money(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
