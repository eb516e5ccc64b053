namespace Rari.Aster.Models;

/// <summary>Decimal scale helpers for sending prices and quantities with the instrument's number of decimals.</summary>
public static class DecimalScale
{
    /// <summary>The decimals a grid size really has, trailing zeros ignored: 0.10 has 1, 0.001 has 3, 5 has 0.</summary>
    public static int Significant(decimal value) => (value / 1.000000000000000000000000000000000m).Scale;

    /// <summary>The value written with exactly <paramref name="scale"/> decimals, e.g. 0.01 at scale 3 is 0.010.</summary>
    /// <exception cref="ArgumentException">The value has more significant decimals than the scale: it would be rounded.</exception>
    public static decimal WithScale(decimal value, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 28);
        var rounded = decimal.Round(value, scale, MidpointRounding.ToEven);
        if (rounded != value)
        {
            throw new ArgumentException($"{value} has more than {scale} decimals.", nameof(value));
        }

        // Adding a zero of the target scale raises the scale without changing the value.
        return decimal.Round(rounded + new decimal(0, 0, 0, false, (byte)scale), scale);
    }
}
