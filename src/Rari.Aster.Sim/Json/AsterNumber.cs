using System.Globalization;

namespace Rari.Aster.Sim.Json;

/// <summary>
/// Writes decimals the way Aster does: as JSON strings, invariant culture, never with an exponent. Prices and
/// quantities are shown with a fixed number of decimals (the instrument's tick or step scale, as the exchange pads
/// them, e.g. <c>"0.010"</c>); rates and derived values are shown with trailing zeros trimmed.
/// </summary>
public static class AsterNumber
{
    // Dividing by 1 with 28 zeros after the point drops trailing zeros from the result's scale.
    private const decimal NormalizingOne = 1.0000000000000000000000000000m;

    /// <summary>The value with trailing zeros trimmed: 5 → "5", 0.00010 → "0.0001", −0.5 → "-0.5".</summary>
    public static string Plain(decimal value) => (value / NormalizingOne).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The value rounded half away from zero to <paramref name="decimals"/> places and padded to exactly that many:
    /// 65000.5 with 2 → "65000.50", 0.01 with 3 → "0.010".
    /// </summary>
    public static string Fixed(decimal value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The value with at least <paramref name="decimals"/> places, more only when the value itself has more, so
    /// nothing is ever rounded away: 94696.7 with 1 → "94696.7", 25.542 with 2 → "25.542", 5 with 2 → "5.00".
    /// </summary>
    public static string AtLeast(decimal value, int decimals) => Fixed(value, Math.Max(decimals, DecimalsOf(value)));

    /// <summary>How many decimals a grid size has once trailing zeros are dropped: 0.10 → 1, 0.001 → 3, 1 → 0.</summary>
    public static int DecimalsOf(decimal gridSize) => (gridSize / NormalizingOne).Scale;
}
