using Rari.Backtest.Data;
using Rari.Domain.Market;

namespace Rari.Node.Benchmarks;

/// <summary>
/// Makes a long series out of a shorter recording, for the memory benchmark: the recording is played end to end,
/// each pass shifted in time to follow the previous one and its prices scaled so that it opens at the previous pass's
/// last close (rounded to 0.01), so the joined series has no jump. The moves are real; the period is not.
/// </summary>
internal static class StitchedSeries
{
    /// <summary>A series of <paramref name="bars"/> bars built from <paramref name="source"/>.</summary>
    public static BarSeries Extend(BarSeries source, int bars)
    {
        var result = new Kline[bars];
        var barMs = source.BarMs;
        var scale = 1m;
        var offsetMs = 0L;
        var written = 0;
        while (written < bars)
        {
            for (var i = source.Start; i < source.End && written < bars; i++, written++)
            {
                var bar = source.Bars[i];
                result[written] = bar with
                {
                    OpenTimeMs = bar.OpenTimeMs + offsetMs,
                    Open = Scaled(bar.Open, scale),
                    High = Scaled(bar.High, scale),
                    Low = Scaled(bar.Low, scale),
                    Close = Scaled(bar.Close, scale),
                };
            }

            offsetMs = result[written - 1].OpenTimeMs + barMs - source.FirstOpenMs;
            scale = result[written - 1].Close / source.Bars[source.Start].Open;
        }

        return new BarSeries(source.Symbol, result);
    }

    // Rounding each price on its own keeps low <= open, close <= high (rounding is monotonic).
    private static decimal Scaled(decimal price, decimal scale) => Math.Max(0.01m, Math.Round(price * scale, 2, MidpointRounding.ToEven));
}
