using Rari.Domain.Analytics;

namespace Rari.Domain.Tests.Analytics;

public sealed class DrawdownTrackerSpecs
{
    [Fact]
    public void Should_measure_the_deepest_fall_below_the_running_peak()
    {
        // arrange
        var tracker = new DrawdownTracker();

        // act
        tracker.Update(0, 100m);
        tracker.Update(1, 120m);
        tracker.Update(2, 90m);   // 25 % below 120
        tracker.Update(3, 110m);
        tracker.Update(4, 130m);
        tracker.Update(5, 117m);  // 10 % below 130

        // assert
        Assert.Equal(130m, tracker.Peak);
        Assert.Equal(30m, tracker.MaxDrawdown);
        Assert.Equal(0.25m, tracker.MaxDrawdownFraction);
        Assert.Equal(13m, tracker.CurrentDrawdown);
        Assert.Equal(0.1m, tracker.CurrentDrawdownFraction);
    }

    [Fact]
    public void Should_time_an_episode_from_its_peak_until_equity_regains_it()
    {
        // arrange
        var tracker = new DrawdownTracker();

        // act
        tracker.Update(1_000, 100m);
        tracker.Update(2_000, 95m);
        tracker.Update(5_000, 100m); // recovered: 4 s below the peak
        tracker.Update(6_000, 99m);
        tracker.Update(7_000, 98m);  // still under water: 1 s so far

        // assert
        Assert.Equal(4_000, tracker.MaxDrawdownDurationMs);
    }

    [Fact]
    public void Should_count_an_unrecovered_episode_up_to_the_last_sample()
    {
        var tracker = new DrawdownTracker();
        tracker.Update(0, 100m);
        tracker.Update(1_000, 99m);
        tracker.Update(10_000, 98m);

        Assert.Equal(10_000, tracker.MaxDrawdownDurationMs);
    }

    [Fact]
    public void Should_refuse_samples_out_of_time_order()
    {
        var tracker = new DrawdownTracker();
        tracker.Update(5, 100m);

        var error = Assert.Throws<ArgumentException>(() => tracker.Update(4, 100m));

        Assert.Contains("time order", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_give_the_largest_fraction_of_dividing_every_sample_to_the_last_digit(int seed)
    {
        // arrange: a random walk of equities at mixed scales, with ties, new peaks and long episodes; the reference divides
        // every sample below the peak, as the tracker did before it skipped shallower ones
        var random = new Random(seed);
        var tracker = new DrawdownTracker();
        var equity = 10_000m;
        var peak = 0m;
        var largest = 0m;
        var divisions = 0;

        for (var i = 0; i < 50_000; i++)
        {
            var step = random.Next(5) switch
            {
                0 => 0m,
                1 => new decimal(random.Next(0, 5_000), 0, 0, random.Next(2) == 0, 2),
                2 => new decimal(random.Next(0, 50_000_000), 0, 0, random.Next(2) == 0, 6),
                3 => -(equity - peak) / 2,
                _ => new decimal(random.Next(0, 200), 0, 0, random.Next(2) == 0, 0),
            };
            equity = Math.Max(1m, equity + step);

            // act
            tracker.Update(i, equity);

            // assert (reference)
            if (i == 0 || equity >= peak)
            {
                peak = equity;
                continue;
            }

            largest = Math.Max(largest, (peak - equity) / peak);
            divisions++;
            Assert.Equal(decimal.GetBits(largest), decimal.GetBits(tracker.MaxDrawdownFraction));
        }

        Assert.True(divisions > 10_000, $"only {divisions} samples below the peak");
    }
}
