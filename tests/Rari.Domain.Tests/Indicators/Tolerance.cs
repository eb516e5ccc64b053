using System.Globalization;

namespace Rari.Domain.Tests.Indicators;

/// <summary>Comparison of an incremental value with its from-scratch reference.</summary>
internal static class Tolerance
{
    /// <summary>Relative agreement demanded between an indicator and its reference computation.</summary>
    public const double Relative = 1e-9;

    /// <summary>
    /// Asserts |actual − expected| ≤ relative × max(|expected|, scale). <paramref name="scale"/> is the quantity's
    /// natural unit: 0 for a pure relative test (volatilities, prices); 1 for values of order one such as a z-score or
    /// %B, whose numerator x − mean can be a few ULPs of a price apart in two correct computations.
    /// </summary>
    public static void AssertClose(double expected, double actual, int bar, string what, double scale = 0)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
        {
            return;
        }

        var allowed = Relative * Math.Max(Math.Abs(expected), scale);
        if (!(Math.Abs(actual - expected) <= allowed))
        {
            Assert.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} at bar {bar}: expected {expected:R}, got {actual:R} (difference {actual - expected:R}, allowed {allowed:R})."));
        }
    }
}
