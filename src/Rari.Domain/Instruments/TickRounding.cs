namespace Rari.Domain.Instruments;

/// <summary>
/// Which way a price or quantity moves when it is snapped to its filter's grid (tick size or step size).
/// </summary>
/// <remarks>
/// The grid is anchored at the filter's minimum (<c>minPrice</c> / <c>minQty</c>), as Aster measures multiples
/// from there. <see cref="Down"/> and <see cref="Up"/> are directions on the number line, not toward or away from zero;
/// prices and quantities are positive, so <see cref="Down"/> is also "toward zero" for them.
/// </remarks>
public enum TickRounding : byte
{
    /// <summary>The largest grid value not above the input.</summary>
    Down = 1,

    /// <summary>The smallest grid value not below the input.</summary>
    Up = 2,

    /// <summary>The closest grid value; a value exactly halfway between two grid values rounds up.</summary>
    Nearest = 3,
}
