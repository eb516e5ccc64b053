namespace Rari.Domain.Tests.Indicators;

/// <summary>
/// From-scratch window statistics with plain loops and two passes: the slow, obviously correct counterpart the
/// incremental indicators are checked against.
/// </summary>
internal static class Reference
{
    /// <summary>Log returns r[i] = ln(c[i] / c[i − 1]); r[0] is NaN (no previous close).</summary>
    public static double[] LogReturns(double[] closes)
    {
        var returns = new double[closes.Length];
        returns[0] = double.NaN;
        for (var i = 1; i < closes.Length; i++)
        {
            returns[i] = Math.Log(closes[i] / closes[i - 1]);
        }

        return returns;
    }

    /// <summary>Sum of values[end − count + 1 .. end].</summary>
    public static double Sum(double[] values, int end, int count)
    {
        var sum = 0d;
        for (var i = end - count + 1; i <= end; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    /// <summary>Mean of values[end − count + 1 .. end].</summary>
    public static double Mean(double[] values, int end, int count) => Sum(values, end, count) / count;

    /// <summary>Σ(x − mean)² over values[end − count + 1 .. end], computed in two passes; 0 for a constant window.</summary>
    public static double SquaredDeviations(double[] values, int end, int count)
    {
        if (IsConstant(values, end, count))
        {
            return 0;
        }

        var mean = Mean(values, end, count);
        var sum = 0d;
        for (var i = end - count + 1; i <= end; i++)
        {
            var deviation = values[i] - mean;
            sum += deviation * deviation;
        }

        return sum;
    }

    /// <summary>True when values[end − count + 1 .. end] are all identical.</summary>
    public static bool IsConstant(double[] values, int end, int count)
    {
        for (var i = end - count + 1; i < end; i++)
        {
            if (values[i] != values[end])
            {
                return false;
            }
        }

        return true;
    }
}
