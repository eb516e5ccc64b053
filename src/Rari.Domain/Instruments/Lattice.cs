namespace Rari.Domain.Instruments;

/// <summary>
/// Exact decimal arithmetic on a grid <c>origin + k × step</c> (k an integer): the tick grid of PRICE_FILTER and the
/// step grid of LOT_SIZE. Shared so prices and quantities round by one rule.
/// </summary>
/// <remarks>
/// Uses the decimal remainder, which is exact, rather than dividing and flooring, which could round a quotient
/// just below an integer up to it. Results are built as <c>origin + k × step</c>, so they carry the grid's own
/// scale (<c>100.0</c> on a 0.1 grid) whatever the scale of the input.
/// </remarks>
internal static class Lattice
{
    /// <summary>Whether <paramref name="value"/> lies exactly on the grid.</summary>
    public static bool Contains(decimal value, decimal origin, decimal step) => (value - origin) % step == 0m;

    /// <summary>Snaps <paramref name="value"/> to the grid in the given direction.</summary>
    public static decimal Round(decimal value, decimal origin, decimal step, TickRounding mode)
    {
        var offset = value - origin;
        var remainder = offset % step;

        // The remainder takes the sign of the offset; step back once more below the origin to reach the floor.
        var floorOffset = offset - remainder - (remainder < 0m ? step : 0m);
        var floorIndex = decimal.Truncate(floorOffset / step);
        if (remainder == 0m)
        {
            return origin + (floorIndex * step);
        }

        var index = mode switch
        {
            TickRounding.Down => floorIndex,
            TickRounding.Up => floorIndex + 1m,
            TickRounding.Nearest => (offset - floorOffset) * 2m >= step ? floorIndex + 1m : floorIndex,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Use TickRounding.Down, Up or Nearest."),
        };

        return origin + (index * step);
    }

    /// <summary>The grid values just below and just above <paramref name="value"/> (equal when it lies on the grid).</summary>
    public static (decimal Below, decimal Above) Neighbours(decimal value, decimal origin, decimal step) =>
        (Round(value, origin, step, TickRounding.Down), Round(value, origin, step, TickRounding.Up));
}
