using Rari.Domain.Market;

namespace Rari.Venue.Matching;

/// <summary>
/// The intrabar path a kline is assumed to have taken: open → the extreme nearer to the open → the other extreme →
/// close, each leg a straight line.
/// </summary>
/// <remarks>
/// When the high and the low are equally far from the open, the low comes first (the conservative choice for a
/// long position's stop-loss, and a fixed rule so runs are reproducible). Points are timed at the open, one third and
/// two thirds of the interval, and its last millisecond.
/// </remarks>
internal static class PricePath
{
    /// <summary>Whether the low is visited first: it is at least as near to the open as the high.</summary>
    public static bool LowFirst(in Kline kline) => kline.Open - kline.Low <= kline.High - kline.Open;

    /// <summary>Time of path point 0 (open) to 3 (close) of a kline of <paramref name="intervalMs"/>.</summary>
    public static long PointTime(long openTimeMs, long intervalMs, int point) => point switch
    {
        0 => openTimeMs,
        1 => openTimeMs + (intervalMs / 3),
        2 => openTimeMs + (2 * intervalMs / 3),
        _ => openTimeMs + intervalMs - 1,
    };
}
