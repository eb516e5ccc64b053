using Rari.Domain.Instruments;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// Lays out grids: a new lattice around a price or between explicit bounds, the window a recentre or a trail moves
/// to, and the rungs of a window with their kind and quantity.
/// </summary>
internal static class GridPlanner
{
    /// <summary>A new lattice for a (re)build: between the explicit bounds, or centred on <paramref name="reference"/> with <paramref name="spacing"/>.</summary>
    public static GridLayout NewLayout(GridSettings settings, Instrument instrument, decimal reference, decimal spacing)
    {
        var count = settings.LevelCount;
        if (settings.RangeSource == GridRangeSource.Explicit)
        {
            var lower = settings.LowerPrice!.Value;
            var upper = settings.UpperPrice!.Value;
            return settings.SpacingMode == GridSpacingMode.Arithmetic
                ? new GridLayout(GridSpacingMode.Arithmetic, lower, (upper - lower) / (count - 1), 0, count)
                : new GridLayout(GridSpacingMode.Geometric, lower, GridMath.Root(upper / lower, count - 1), 0, count);
        }

        var anchor = instrument.RoundPrice(reference, TickRounding.Nearest);
        if (settings.SpacingMode == GridSpacingMode.Geometric)
        {
            return new GridLayout(GridSpacingMode.Geometric, anchor, 1m + spacing, CentredFirstIndex(settings.Direction, count), count);
        }

        // An arithmetic step that is a whole number of ticks keeps every level exactly on the tick grid.
        var tick = instrument.PriceFilter.TickSize;
        var step = Math.Max(tick, Math.Round(anchor * spacing / tick, MidpointRounding.AwayFromZero) * tick);
        return new GridLayout(GridSpacingMode.Arithmetic, anchor, step, CentredFirstIndex(settings.Direction, count), count);
    }

    /// <summary>
    /// The window's first index that puts the price (at lattice level 0) in the middle: a long or neutral grid keeps
    /// the extra level below the price, a short grid above it.
    /// </summary>
    public static int CentredFirstIndex(GridDirection direction, int levelCount) =>
        direction == GridDirection.Short ? -((levelCount - 1) / 2) : -(levelCount / 2);

    /// <summary>The same lattice with its window centred on <paramref name="price"/>.</summary>
    public static GridLayout Recentred(GridLayout layout, Instrument instrument, GridDirection direction, decimal price)
    {
        var level = LevelAtOrBelow(layout, instrument, price);
        return layout with { FirstIndex = level + CentredFirstIndex(direction, layout.LevelCount) };
    }

    /// <summary>The window's level prices, lowest first.</summary>
    public static ValueList<decimal> Levels(GridLayout layout, Instrument instrument)
    {
        var prices = new decimal[layout.LevelCount];
        for (var i = 0; i < prices.Length; i++)
        {
            prices[i] = layout.Price(layout.FirstIndex + i, instrument);
        }

        return ValueList.From(prices);
    }

    /// <summary>
    /// The plan of a window: every rung between adjacent levels, reusing the ids (and kind, when they are busy) of the
    /// <paramref name="surviving"/> rungs found at the same lattice index.
    /// </summary>
    /// <remarks>
    /// The plan records the spacing the lattice was built for (for an explicit range, the lattice's own), so a later
    /// rebuild can tell whether the lattice still fits: an arithmetic step rounded to whole ticks is not exactly it.
    /// </remarks>
    public static GridPlan Plan(
        GridLayout layout,
        Instrument instrument,
        GridSettings settings,
        decimal reference,
        decimal spacing,
        long nextCellId,
        IReadOnlyList<GridCell> surviving)
    {
        var levels = Levels(layout, instrument);
        var cells = new GridCellPlan[levels.Count - 1];
        for (var i = 0; i < cells.Length; i++)
        {
            var index = layout.FirstIndex + i;
            var lower = levels[i];
            var upper = levels[i + 1];
            var existing = FindActive(surviving, index);
            if (existing is not null)
            {
                // A busy rung keeps its kind: its order or inventory was made for it. An idle one follows the price.
                var kind = existing.IsIdle ? KindFor(settings.Direction, lower, reference) : existing.Kind;
                cells[i] = new GridCellPlan(existing.Id, index, kind, existing.LowerPrice, existing.UpperPrice, existing.Quantity);
                continue;
            }

            cells[i] = NewCell(nextCellId++, index, lower, upper, instrument, settings, reference);
        }

        var recorded = settings.RangeSource == GridRangeSource.Explicit ? layout.RelativeSpacing : spacing;
        return new GridPlan(layout, levels, recorded, reference, ValueList.From(cells));
    }

    /// <summary>A new rung between two levels, its kind chosen by the direction and the price.</summary>
    public static GridCellPlan NewCell(long id, int index, decimal lower, decimal upper, Instrument instrument, GridSettings settings, decimal reference)
    {
        var kind = KindFor(settings.Direction, lower, reference);
        var entryPrice = kind == GridCellKind.Long ? lower : upper;
        var quantity = entryPrice > 0m ? instrument.RoundQuantityDown(settings.NotionalPerLevel / entryPrice) : 0m;
        return new GridCellPlan(id, index, kind, lower, upper, Math.Max(quantity, 0m));
    }

    /// <summary>
    /// Long and short grids have one kind of rung. A neutral grid buys where the rung's lower level is below the price
    /// and sells short where it is not: no rung needs inventory it does not have.
    /// </summary>
    public static GridCellKind KindFor(GridDirection direction, decimal lower, decimal reference) => direction switch
    {
        GridDirection.Long => GridCellKind.Long,
        GridDirection.Short => GridCellKind.Short,
        _ => lower < reference ? GridCellKind.Long : GridCellKind.Short,
    };

    /// <summary>The highest lattice index whose price is at or below <paramref name="price"/>.</summary>
    public static int LevelAtOrBelow(GridLayout layout, Instrument instrument, decimal price)
    {
        // A double gives the first guess; decimal comparisons on the rounded prices decide, so the answer is exact.
        double guess = layout.Mode == GridSpacingMode.Arithmetic
            ? (double)((price - layout.Anchor) / layout.Step)
            : Math.Log((double)(price / layout.Anchor)) / Math.Log((double)layout.Step);
        var level = (int)Math.Clamp(Math.Floor(guess), -1_000_000d, 1_000_000d);
        for (var i = 0; i < 64 && layout.Price(level + 1, instrument) <= price; i++)
        {
            level++;
        }

        for (var i = 0; i < 64 && layout.Price(level, instrument) > price; i++)
        {
            level--;
        }

        return level;
    }

    private static GridCell? FindActive(IReadOnlyList<GridCell> cells, int index)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].Retired && cells[i].Index == index)
            {
                return cells[i];
            }
        }

        return null;
    }
}
