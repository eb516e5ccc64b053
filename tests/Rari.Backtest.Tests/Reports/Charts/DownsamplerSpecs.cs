using Rari.Backtest.Reports.Charts;

namespace Rari.Backtest.Tests.Reports.Charts;

public sealed class DownsamplerSpecs
{
    [Fact]
    public void Should_keep_short_series_whole()
    {
        var points = Enumerable.Range(0, 10).Select(i => ((long)i, (double)i)).ToList();

        Assert.Same(points, Downsampler.MinMax(points, 5));
    }

    [Fact]
    public void Should_keep_a_one_sample_spike_in_a_long_series()
    {
        // arrange: 100,000 flat samples with one spike up and one down
        var points = Enumerable.Range(0, 100_000).Select(i => ((long)i, i == 31_337 ? 500.0 : i == 77_777 ? -300.0 : 1.0)).ToList();

        // act
        var thinned = Downsampler.MinMax(points, 200);

        // assert
        Assert.True(thinned.Count <= 400);
        Assert.Contains((31_337L, 500.0), thinned);
        Assert.Contains((77_777L, -300.0), thinned);
        Assert.Equal(thinned.OrderBy(p => p.X), thinned); // still in time order
    }

    [Fact]
    public void Should_skip_buckets_that_fall_into_a_gap()
    {
        var points = Enumerable.Range(0, 1_000).Select(i => ((long)i, (double)i))
            .Concat(Enumerable.Range(0, 1_000).Select(i => ((long)(1_000_000 + i), (double)i)))
            .ToList();

        var thinned = Downsampler.MinMax(points, 100);

        Assert.Equal(thinned.Count, thinned.Distinct().Count());
        Assert.Contains((0L, 0.0), thinned);
        Assert.Contains((1_000_999L, 999.0), thinned);
    }
}
