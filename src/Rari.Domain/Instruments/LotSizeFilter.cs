namespace Rari.Domain.Instruments;

/// <summary>
/// Aster's <c>LOT_SIZE</c> (limit and conditional orders) or <c>MARKET_LOT_SIZE</c> (MARKET orders): the range and
/// step grid of an order's <c>quantity</c>, in base-asset units.
/// </summary>
/// <remarks>
/// <para>A quantity is valid when it is ≥ <see cref="MinQty"/>, ≤ <see cref="MaxQty"/> and
/// <c>(quantity − MinQty)</c> is a whole multiple of <see cref="StepSize"/>: the grid is anchored at the minimum.</para>
/// <para>The properties have no <c>init</c> accessors, so a <c>with</c> expression cannot bypass the validation.</para>
/// </remarks>
public sealed record LotSizeFilter
{
    /// <summary>Creates the filter, checking that it is consistent.</summary>
    /// <param name="minQty">Smallest allowed quantity (<c>minQty</c>), and the anchor of the step grid.</param>
    /// <param name="maxQty">Largest allowed quantity (<c>maxQty</c>).</param>
    /// <param name="stepSize">Quantity increment (<c>stepSize</c>), counted from <paramref name="minQty"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, the step or max is not positive, or max is below min.</exception>
    public LotSizeFilter(decimal minQty, decimal maxQty, decimal stepSize)
    {
        if (minQty < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(minQty), minQty, "LOT_SIZE minQty must not be negative.");
        }

        if (maxQty <= 0m || maxQty < minQty)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxQty), maxQty, $"LOT_SIZE maxQty must be positive and not below minQty {DecimalText.Format(minQty)}.");
        }

        if (stepSize <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "LOT_SIZE stepSize must be positive.");
        }

        MinQty = minQty;
        MaxQty = maxQty;
        StepSize = stepSize;
    }

    /// <summary>Smallest allowed quantity, and the anchor of the step grid.</summary>
    public decimal MinQty { get; }

    /// <summary>Largest allowed quantity.</summary>
    public decimal MaxQty { get; }

    /// <summary>Quantity increment, counted from <see cref="MinQty"/>.</summary>
    public decimal StepSize { get; }

    /// <summary>Whether the quantity lies on the step grid (bounds are not checked).</summary>
    public bool IsOnStep(decimal quantity) => Lattice.Contains(quantity, MinQty, StepSize);

    /// <summary>Snaps a quantity to the step grid in the given direction (bounds are not applied).</summary>
    public decimal Round(decimal quantity, TickRounding mode) => Lattice.Round(quantity, MinQty, StepSize, mode);
}
