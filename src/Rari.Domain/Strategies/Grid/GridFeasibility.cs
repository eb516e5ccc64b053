using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// Decides whether a planned grid can run, before any order is sent: a pure function of the plan, the settings and the
/// account as the context shows it. Returns null when the grid may start, otherwise the first rule it breaks.
/// </summary>
/// <remarks>
/// <para>Rules, in order:</para>
/// <list type="number">
/// <item><see cref="GridRefusalCode.InvalidLevels"/>: every level is a valid price (positive, inside PRICE_FILTER's
/// bounds) and the levels strictly increase after tick rounding.</item>
/// <item><see cref="GridRefusalCode.StepBelowFees"/>: every step, as a fraction of its lower level, is at least
/// <c>FeeCoverage × (2 × maker fee) + MinStepMargin</c> (both legs of a round trip rest, so both pay the maker fee).</item>
/// <item><see cref="GridRefusalCode.QuantityBelowMinimum"/>: every rung's entry, and its exit unless exits are
/// reduce-only (which MIN_NOTIONAL exempts), passes LOT_SIZE and MIN_NOTIONAL at its price.</item>
/// <item><see cref="GridRefusalCode.TooManyOrders"/>: the rungs (one order each at most) fit MAX_NUM_ORDERS and the
/// settings' own cap. Take-profits kept from rungs a recentre retired are not counted: while they work, the grid's
/// order cap serves exits first and leaves some new entries unplaced, rather than leaving the grid stuck.</item>
/// <item><see cref="GridRefusalCode.InsufficientMargin"/>: the worst-case inventory's initial margin at the symbol's
/// leverage fits the equity.</item>
/// <item><see cref="GridRefusalCode.LiquidationInsideRange"/>: the worst-case inventory, held in cross margin with the
/// equity as its wallet, would not be liquidated before the price leaves the range — or, when a price stop-loss is
/// set, before the stop fires. The worst case of the long side is every long rung's entry filled on top of the
/// inventory the grid carries; the short side's, every short rung's. A side whose worst case still holds the other
/// direction (carried inventory outweighing its rungs) is not at risk from the move that fills it — the falling price
/// that fills the buys only helps a short — and the other side's check covers that inventory. Cross margin is the
/// account mode the trader uses; there the liquidation price depends on the wallet, not the leverage, which is why the
/// margin rule above exists.</item>
/// </list>
/// </remarks>
public static class GridFeasibility
{
    private static readonly ClientOrderId WorstCaseOrder = new("grid-worst-case");

    /// <summary>Checks a plan; null when the grid may run.</summary>
    /// <param name="plan">The planned window and rungs.</param>
    /// <param name="settings">The grid's settings.</param>
    /// <param name="context">The account and market as the host sees them now.</param>
    /// <param name="carriedQuantity">Signed inventory the grid already holds outside the plan's rungs (e.g. retired rungs after a recentre).</param>
    /// <param name="carriedCost">Signed cost of that inventory.</param>
    public static GridRefusal? Check(
        GridPlan plan,
        GridSettings settings,
        in StrategyContext context,
        decimal carriedQuantity = 0m,
        decimal carriedCost = 0m)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));

        return CheckLevels(plan, context.Instrument)
            ?? CheckSteps(plan, settings, context.MakerFeeRate)
            ?? CheckQuantities(plan, settings, context.Instrument)
            ?? CheckOrderCount(plan, settings, context.Instrument)
            ?? CheckMargin(plan, context, carriedQuantity, carriedCost)
            ?? CheckLiquidation(plan, settings, context, carriedQuantity, carriedCost);
    }

    private static GridRefusal? CheckLevels(GridPlan plan, Instrument instrument)
    {
        var filter = instrument.PriceFilter;
        for (var i = 0; i < plan.Levels.Count; i++)
        {
            var price = plan.Levels[i];
            if (price <= 0m || (filter.MinPrice > 0m && price < filter.MinPrice) || (filter.MaxPrice > 0m && price > filter.MaxPrice))
            {
                return Refuse(GridRefusalCode.InvalidLevels, Inv($"level {i} at {price} is outside the price filter ({filter.MinPrice} to {filter.MaxPrice})"));
            }

            if (i > 0 && price <= plan.Levels[i - 1])
            {
                return Refuse(
                    GridRefusalCode.InvalidLevels,
                    Inv($"levels {i - 1} and {i} both round to {price} on the {filter.TickSize} tick: the spacing is too fine for this price"));
            }
        }

        return null;
    }

    private static GridRefusal? CheckSteps(GridPlan plan, GridSettings settings, decimal makerFeeRate)
    {
        var required = (settings.FeeCoverage * 2m * makerFeeRate) + settings.MinStepMargin;
        for (var i = 1; i < plan.Levels.Count; i++)
        {
            var step = (plan.Levels[i] - plan.Levels[i - 1]) / plan.Levels[i - 1];
            if (step < required)
            {
                return Refuse(
                    GridRefusalCode.StepBelowFees,
                    Inv($"the step from {plan.Levels[i - 1]} to {plan.Levels[i]} is {Percent(step)}, below {settings.FeeCoverage} × the round-trip fee ") +
                    Inv($"{Percent(2m * makerFeeRate)} + margin {Percent(settings.MinStepMargin)} = {Percent(required)}"));
            }
        }

        return null;
    }

    private static GridRefusal? CheckQuantities(GridPlan plan, GridSettings settings, Instrument instrument)
    {
        foreach (var cell in plan.Cells)
        {
            var entry = InstrumentRules.Validate(instrument, OrderCheck.Limit(cell.EntrySide, cell.EntryPrice, cell.Quantity));
            if (entry is not null)
            {
                return Refuse(
                    GridRefusalCode.QuantityBelowMinimum,
                    Inv($"rung {cell.Index} entry ({cell.EntrySide} {cell.Quantity} at {cell.EntryPrice}, ") +
                    Inv($"{settings.NotionalPerLevel} USDT rounded down to the step): {entry.Detail}"));
            }

            var exitSide = cell.EntrySide == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
            var exit = InstrumentRules.Validate(instrument, OrderCheck.Limit(exitSide, cell.ExitPrice, cell.Quantity, settings.ReduceOnlyExits));
            if (exit is not null)
            {
                return Refuse(
                    GridRefusalCode.QuantityBelowMinimum,
                    Inv($"rung {cell.Index} take-profit ({exitSide} {cell.Quantity} at {cell.ExitPrice}): {exit.Detail}"));
            }
        }

        return null;
    }

    private static GridRefusal? CheckOrderCount(GridPlan plan, GridSettings settings, Instrument instrument)
    {
        var limit = Math.Min(instrument.MaxNumOrders, settings.MaxOpenOrders ?? int.MaxValue);
        var needed = plan.Cells.Count;
        return needed > limit
            ? Refuse(
                GridRefusalCode.TooManyOrders,
                Inv($"the grid needs up to {needed} open orders (one per rung) but at most {limit} are allowed ({LimitName(settings, instrument)})"))
            : null;
    }

    private static GridRefusal? CheckMargin(GridPlan plan, in StrategyContext context, decimal carriedQuantity, decimal carriedCost)
    {
        if (context.Leverage is < 1 or > Position.MaxLeverage)
        {
            return Refuse(GridRefusalCode.InsufficientMargin, Inv($"the symbol's leverage {context.Leverage} is not between 1 and {Position.MaxLeverage}"));
        }

        var longNotional = WorstNotional(plan, GridCellKind.Long) + (carriedQuantity > 0m ? carriedCost : 0m);
        var shortNotional = WorstNotional(plan, GridCellKind.Short) + (carriedQuantity < 0m ? -carriedCost : 0m);
        var notional = Math.Max(longNotional, shortNotional);
        var margin = notional / context.Leverage;
        return margin > context.Equity
            ? Refuse(
                GridRefusalCode.InsufficientMargin,
                Inv($"the worst-case inventory of {Round(notional)} USDT needs {Round(margin)} USDT of initial margin at {context.Leverage}x, ") +
                Inv($"but equity is {Round(context.Equity)} USDT"))
            : null;
    }

    private static GridRefusal? CheckLiquidation(GridPlan plan, GridSettings settings, in StrategyContext context, decimal carriedQuantity, decimal carriedCost)
    {
        // The equity already values the carried inventory at the reference price; the solver values it again, so take it out once.
        var wallet = context.Equity - ((carriedQuantity * plan.ReferencePrice) - carriedCost);
        foreach (var kind in (ReadOnlySpan<GridCellKind>)[GridCellKind.Long, GridCellKind.Short])
        {
            var isLong = kind == GridCellKind.Long;
            var position = WorstCase(plan, kind, context, carriedQuantity, carriedCost, out var filledRungs);
            if (filledRungs == 0 || (isLong ? position.Quantity <= 0m : position.Quantity >= 0m))
            {
                continue;
            }

            var liquidation = position.EstimateCrossLiquidationPrice(context.Instrument.LeverageBrackets, wallet, 0m, 0m);
            if (liquidation is not { } price)
            {
                continue;
            }

            var edge = isLong ? plan.Lower : plan.Upper;
            var stop = settings.StopLossDistance is { } distance ? (isLong ? edge * (1m - distance) : edge * (1m + distance)) : edge;
            var inside = isLong ? price >= stop : price <= stop;
            if (inside)
            {
                var where = settings.StopLossDistance is null
                    ? Inv($"inside the grid range {plan.Lower} to {plan.Upper}")
                    : Inv($"before the stop-loss at {Round(stop)} ({Percent(settings.StopLossDistance.Value)} beyond the range edge {edge})");
                return Refuse(
                    GridRefusalCode.LiquidationInsideRange,
                    Inv($"with all {filledRungs} {(isLong ? "buy" : "sell")} levels filled the grid would hold {position.Quantity} at an average of ") +
                    Inv($"{Round(position.EntryPrice)} and be liquidated near {Round(price)}, {where}; equity {Round(context.Equity)} USDT"));
            }
        }

        return null;
    }

    private static Position WorstCase(GridPlan plan, GridCellKind kind, in StrategyContext context, decimal carriedQuantity, decimal carriedCost, out int filledRungs)
    {
        var position = new Position(context.Instrument.Symbol, PositionSide.Both, context.Leverage, MarginType.Cross);
        var tradeId = 0L;
        if (carriedQuantity != 0m)
        {
            var side = carriedQuantity > 0m ? OrderSide.Buy : OrderSide.Sell;
            var entry = carriedCost / carriedQuantity;
            if (entry <= 0m)
            {
                // Inventory carried from rungs of both directions can net to a cost of the opposite sign (realized gains
                // are inside it), so it has no meaningful average price. Valuing it at the current price instead drops
                // that cushion, which can only move the estimated liquidation closer: the check stays conservative.
                entry = context.MarkPrice ?? ((plan.Lower + plan.Upper) / 2m);
            }

            position.Apply(HypotheticalFill(context.Instrument.Symbol, side, Math.Abs(carriedQuantity), entry, ++tradeId));
        }

        filledRungs = 0;
        foreach (var cell in plan.Cells)
        {
            if (cell.Kind != kind || cell.Quantity <= 0m)
            {
                continue;
            }

            position.Apply(HypotheticalFill(context.Instrument.Symbol, cell.EntrySide, cell.Quantity, cell.EntryPrice, ++tradeId));
            filledRungs++;
        }

        return position;
    }

    private static Fill HypotheticalFill(Symbol symbol, OrderSide side, decimal quantity, decimal price, long tradeId) =>
        new(symbol, WorstCaseOrder, new VenueOrderId(0), new TradeId(tradeId), side, PositionSide.Both, price, quantity, 0m, LiquiditySide.Maker, 0);

    private static string LimitName(GridSettings settings, Instrument instrument) =>
        settings.MaxOpenOrders is { } cap && cap < instrument.MaxNumOrders ? "MaxOpenOrders" : "MAX_NUM_ORDERS";

    private static decimal WorstNotional(GridPlan plan, GridCellKind kind)
    {
        var notional = 0m;
        foreach (var cell in plan.Cells)
        {
            if (cell.Kind == kind)
            {
                notional += cell.Quantity * cell.EntryPrice;
            }
        }

        return notional;
    }

    private static GridRefusal Refuse(GridRefusalCode code, string reason) => new(code, reason);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";

    private static decimal Round(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);
}
