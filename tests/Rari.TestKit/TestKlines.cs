using Rari.Domain.Market;

namespace Rari.TestKit;

/// <summary>Small builders of kline sequences for tests: hand-written minutes, flat runs and seeded random walks.</summary>
public static class TestKlines
{
    /// <summary>One minute in milliseconds.</summary>
    public const long MinuteMs = 60_000L;

    /// <summary>2024-01-01 00:00 UTC, a Monday and the first of a month: a convenient aligned start.</summary>
    public const long Jan2024Ms = 1_704_067_200_000L;

    /// <summary>A kline with every field given; volume defaults to 1.</summary>
    public static Kline Bar(long openTimeMs, decimal open, decimal high, decimal low, decimal close, decimal volume = 1m, decimal quoteVolume = 0m, long trades = 0) =>
        new(openTimeMs, open, high, low, close, volume, quoteVolume, trades);

    /// <summary>A flat one-minute kline at <paramref name="price"/> (open = high = low = close).</summary>
    public static Kline Flat(long openTimeMs, decimal price, decimal volume = 1m) =>
        new(openTimeMs, price, price, price, price, volume);

    /// <summary><paramref name="count"/> consecutive flat one-minute klines from <paramref name="startMs"/>, all at <paramref name="price"/>.</summary>
    public static IReadOnlyList<Kline> FlatMinutes(long startMs, int count, decimal price = 100m) =>
        Enumerable.Range(0, count).Select(i => Flat(startMs + (i * MinuteMs), price)).ToArray();

    /// <summary>
    /// A seeded random walk of consistent one-minute klines (low ≤ open, close ≤ high), starting at
    /// <paramref name="startMs"/> and <paramref name="startPrice"/>, moving in steps of <paramref name="tick"/>. With
    /// <paramref name="gapProbability"/> &gt; 0 some minutes are left out, as in real data with exchange outages.
    /// </summary>
    public static IReadOnlyList<Kline> RandomWalk(int seed, long startMs, int count, decimal startPrice = 100m, decimal tick = 0.01m, double gapProbability = 0)
    {
        var random = new Random(seed);
        var result = new List<Kline>(count);
        var price = startPrice;
        var time = startMs;
        while (result.Count < count)
        {
            if (gapProbability > 0 && random.NextDouble() < gapProbability)
            {
                time += MinuteMs * random.Next(1, 90);
                continue;
            }

            var open = price;
            var close = Math.Max(tick, open + (tick * random.Next(-20, 21)));
            var high = Math.Max(open, close) + (tick * random.Next(0, 10));
            var low = Math.Max(tick, Math.Min(open, close) - (tick * random.Next(0, 10)));
            var volume = random.Next(1, 10_000) / 100m;
            result.Add(new Kline(time, open, high, low, close, volume, volume * close, random.Next(1, 500)));
            price = close;
            time += MinuteMs;
        }

        return result;
    }
}
