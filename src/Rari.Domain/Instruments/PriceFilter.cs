namespace Rari.Domain.Instruments;

/// <summary>
/// Aster's <c>PRICE_FILTER</c>: the range and tick grid every <c>price</c> and <c>stopPrice</c> must respect.
/// </summary>
/// <remarks>
/// <para>A price is valid when it is ≥ <see cref="MinPrice"/>, ≤ <see cref="MaxPrice"/> and
/// <c>(price − MinPrice)</c> is a whole multiple of <see cref="TickSize"/>: the grid is anchored at the minimum,
/// not at zero.</para>
/// <para>As on Aster, a <see cref="MinPrice"/> or <see cref="MaxPrice"/> of 0 disables that bound. Aster would also
/// let a tick size of 0 disable the tick check; no listed symbol does that and a trader needs a grid to round to,
/// so a tick size must be positive here.</para>
/// <para>The properties have no <c>init</c> accessors, so a <c>with</c> expression cannot bypass the validation.</para>
/// </remarks>
public sealed record PriceFilter
{
    /// <summary>Creates the filter, checking that it is consistent.</summary>
    /// <param name="minPrice">Lowest allowed price (<c>minPrice</c>); 0 means no lower bound.</param>
    /// <param name="maxPrice">Highest allowed price (<c>maxPrice</c>); 0 means no upper bound.</param>
    /// <param name="tickSize">Price increment (<c>tickSize</c>), counted from <paramref name="minPrice"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, the tick is not positive, or max is below min.</exception>
    public PriceFilter(decimal minPrice, decimal maxPrice, decimal tickSize)
    {
        if (minPrice < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(minPrice), minPrice, "PRICE_FILTER minPrice must be 0 (no minimum) or positive.");
        }

        if (maxPrice < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPrice), maxPrice, "PRICE_FILTER maxPrice must be 0 (no maximum) or positive.");
        }

        if (maxPrice != 0m && maxPrice < minPrice)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxPrice), maxPrice, $"PRICE_FILTER maxPrice must not be below minPrice {DecimalText.Format(minPrice)}.");
        }

        if (tickSize <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "PRICE_FILTER tickSize must be positive.");
        }

        MinPrice = minPrice;
        MaxPrice = maxPrice;
        TickSize = tickSize;
    }

    /// <summary>Lowest allowed price, and the anchor of the tick grid; 0 means no lower bound.</summary>
    public decimal MinPrice { get; }

    /// <summary>Highest allowed price; 0 means no upper bound.</summary>
    public decimal MaxPrice { get; }

    /// <summary>Price increment, counted from <see cref="MinPrice"/>.</summary>
    public decimal TickSize { get; }

    /// <summary>Whether the price lies on the tick grid (bounds are not checked).</summary>
    public bool IsOnTick(decimal price) => Lattice.Contains(price, MinPrice, TickSize);

    /// <summary>Snaps a price to the tick grid in the given direction (bounds are not applied).</summary>
    public decimal Round(decimal price, TickRounding mode) => Lattice.Round(price, MinPrice, TickSize, mode);
}
