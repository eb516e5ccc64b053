using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Rari.Domain.Indicators;

/// <summary>
/// Argument checks shared by the indicators. Bad input throws rather than entering a window, because a NaN or a
/// non-positive price kept in a ring buffer would poison every value until it rolled out.
/// </summary>
/// <remarks>The throwing paths live in separate methods so the checks stay small enough to inline.</remarks>
internal static class IndicatorGuard
{
    public static int Period(int value, int minimum, string paramName)
    {
        if (value < minimum)
        {
            ThrowPeriod(value, minimum, paramName);
        }

        return value;
    }

    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value, paramName);
        }
    }

    public static void Positive(double value, string paramName)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            ThrowNotPositive(value, paramName);
        }
    }

    public static void Range(double high, double low)
    {
        Positive(low, nameof(low));
        Positive(high, nameof(high));
        if (high < low)
        {
            ThrowInvertedRange(high, low);
        }
    }

    [DoesNotReturn]
    private static void ThrowPeriod(int value, int minimum, string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName, value, string.Create(CultureInfo.InvariantCulture, $"The period must be at least {minimum}."));

    [DoesNotReturn]
    private static void ThrowNotFinite(double value, string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, value, "Indicator inputs must be finite numbers.");

    [DoesNotReturn]
    private static void ThrowNotPositive(double value, string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, value, "The value must be positive and finite (prices, widths, half-lives).");

    [DoesNotReturn]
    private static void ThrowInvertedRange(double high, double low) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"A bar's high ({high}) is below its low ({low})."), nameof(high));
}
