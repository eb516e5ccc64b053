using Rari.Domain.Risk;
using Rari.TestKit;
using static Rari.Domain.Tests.Risk.RiskFixtures;

namespace Rari.Domain.Tests.Risk;

public sealed class ReturnTrackerSpecs
{
    private const long T = TestKlines.Jan2024Ms;

    [Fact]
    public void Should_report_each_bars_return_at_its_close_with_the_spread_of_the_returns_before_it()
    {
        // arrange
        var tracker = new ReturnTracker(Btc.Symbol, period: 3);
        decimal[] closes = [100m, 101m, 99.99m, 100.99m, 110m];

        // act
        var inputs = closes.Select((close, i) => tracker.Observe(TestKlines.Flat(T + (i * 60_000L), close))).ToArray();

        // assert
        Assert.Null(inputs[0]);
        Assert.Equal(new BarReturnObserved(T + 120_000, Btc.Symbol, 0.01m, null), inputs[1]);
        Assert.Null(inputs[3]!.RecentStdDev);
        var spike = inputs[4]!;
        Assert.Equal((110m / 100.99m) - 1m, spike.Return);
        double[] before = [0.01, (double)((99.99m / 101m) - 1m), (double)((100.99m / 99.99m) - 1m)];
        var mean = before.Average();
        var sample = Math.Sqrt(before.Sum(r => (r - mean) * (r - mean)) / 2);
        Assert.Equal(sample, (double)spike.RecentStdDev!.Value, 12);
    }

    [Fact]
    public void Should_forget_everything_on_reset()
    {
        // arrange
        var tracker = new ReturnTracker(Btc.Symbol, period: 2);
        tracker.Observe(TestKlines.Flat(T, 100m));

        // act
        tracker.Reset();
        var first = tracker.Observe(TestKlines.Flat(T + 60_000, 200m));

        // assert
        Assert.Null(first);
    }
}
