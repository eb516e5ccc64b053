namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// Powers and roots in <see cref="decimal"/>, so that level prices never depend on the last bits of a double: the same
/// inputs give the same prices on every machine.
/// </summary>
internal static class GridMath
{
    private const int MaxNewtonSteps = 400;

    /// <summary><paramref name="x"/> to the non-negative integer power <paramref name="n"/>, by repeated squaring.</summary>
    public static decimal Power(decimal x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = 1m;
        var factor = x;
        while (n > 0)
        {
            if ((n & 1) == 1)
            {
                result *= factor;
            }

            n >>= 1;
            if (n > 0)
            {
                factor *= factor;
            }
        }

        return result;
    }

    /// <summary>
    /// The positive <paramref name="n"/>-th root of a positive <paramref name="x"/>, by Newton's method in decimal.
    /// </summary>
    /// <remarks>
    /// The start <c>1 + (x − 1) / n</c> is never below the root (Bernoulli's inequality), and from above Newton's steps
    /// only decrease, so the iteration stops at the first step that no longer decreases: a fixed, machine-independent
    /// end point within a few units of the 28th digit. The caller keeps <c>x</c> moderate (grid ranges are at most
    /// 100:1), which keeps every intermediate power far from decimal's limit.
    /// </remarks>
    public static decimal Root(decimal x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (n == 1 || x == 1m)
        {
            return x;
        }

        var y = 1m + ((x - 1m) / n);
        for (var step = 0; step < MaxNewtonSteps; step++)
        {
            var next = (((n - 1) * y) + (x / Power(y, n - 1))) / n;
            if (next >= y)
            {
                break;
            }

            y = next;
        }

        return y;
    }
}
