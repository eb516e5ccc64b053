namespace Rari.Backtest.Reports.Charts;

/// <summary>Chooses round tick positions for chart axes.</summary>
public static class AxisTicks
{
    private static readonly long[] TimeSteps =
    [
        60_000L, 5 * 60_000L, 15 * 60_000L, 30 * 60_000L,
        3_600_000L, 3 * 3_600_000L, 6 * 3_600_000L, 12 * 3_600_000L,
        86_400_000L, 2 * 86_400_000L, 7 * 86_400_000L, 14 * 86_400_000L, 30 * 86_400_000L, 91 * 86_400_000L, 365 * 86_400_000L,
    ];

    /// <summary>
    /// Values at a "nice" step (1, 2 or 5 × 10^k) covering <c>[min, max]</c>, about <paramref name="target"/> of them.
    /// </summary>
    public static IReadOnlyList<double> Values(double min, double max, int target = 6)
    {
        if (!(max > min) || double.IsInfinity(max - min))
        {
            return [min];
        }

        var rough = (max - min) / Math.Max(1, target);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = magnitude * (rough / magnitude < 1.5 ? 1 : rough / magnitude < 3.5 ? 2 : rough / magnitude < 7.5 ? 5 : 10);
        var ticks = new List<double>();
        for (var value = Math.Ceiling(min / step) * step; value <= max + (step * 1e-9); value += step)
        {
            ticks.Add(Math.Abs(value) < step * 1e-9 ? 0 : value);
        }

        return ticks;
    }

    /// <summary>UTC times at a round step (minutes, hours, days, weeks) covering the range, about <paramref name="target"/> of them.</summary>
    public static IReadOnlyList<long> Times(long fromMs, long toMs, int target = 7)
    {
        if (toMs <= fromMs)
        {
            return [fromMs];
        }

        var step = TimeSteps[^1];
        foreach (var candidate in TimeSteps)
        {
            if ((toMs - fromMs) / candidate <= target)
            {
                step = candidate;
                break;
            }
        }

        var ticks = new List<long>();
        for (var t = ((fromMs + step - 1) / step) * step; t <= toMs; t += step)
        {
            ticks.Add(t);
        }

        return ticks;
    }

    /// <summary>A full UTC date and time, for periods and tables.</summary>
    public static string DateTimeLabel(long timestampMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A label for a time tick: the date alone at midnight, otherwise date and time (UTC).</summary>
    public static string TimeLabel(long timestampMs)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime;
        return time.TimeOfDay == TimeSpan.Zero
            ? time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : time.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
