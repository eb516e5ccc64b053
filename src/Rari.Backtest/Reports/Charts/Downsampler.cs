namespace Rari.Backtest.Reports.Charts;

/// <summary>
/// Thins a long series for drawing without losing its extremes: the time range is cut into buckets and each bucket
/// keeps its lowest and highest point, in time order. A spike one sample wide therefore still shows.
/// </summary>
public static class Downsampler
{
    /// <summary>At most <c>2 × buckets</c> points of <paramref name="points"/> (all of them when there are fewer).</summary>
    public static IReadOnlyList<(long X, double Y)> MinMax(IReadOnlyList<(long X, double Y)> points, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        if (points.Count <= 2 * buckets)
        {
            return points;
        }

        var result = new List<(long X, double Y)>(2 * buckets);
        var from = points[0].X;
        var span = Math.Max(1, points[^1].X - from);
        var index = 0;
        for (var bucket = 0; bucket < buckets && index < points.Count; bucket++)
        {
            var end = from + (long)((bucket + 1) * (double)span / buckets);
            if (points[index].X > end && bucket < buckets - 1)
            {
                continue; // a gap in the data: nothing falls into this bucket
            }

            var low = points[index];
            var high = points[index];
            while (index < points.Count && (points[index].X <= end || bucket == buckets - 1))
            {
                var point = points[index++];
                if (point.Y < low.Y)
                {
                    low = point;
                }

                if (point.Y > high.Y)
                {
                    high = point;
                }
            }

            if (low.X <= high.X)
            {
                result.Add(low);
                if (high != low)
                {
                    result.Add(high);
                }
            }
            else
            {
                result.Add(high);
                result.Add(low);
            }
        }

        return result;
    }
}
