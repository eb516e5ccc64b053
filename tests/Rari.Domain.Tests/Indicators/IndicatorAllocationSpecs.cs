using Rari.TestKit;
namespace Rari.Domain.Tests.Indicators;

/// <summary>Indicators run on every bar of every symbol, so after construction they must never allocate.</summary>
public sealed class IndicatorAllocationSpecs
{
    private const int Updates = 100_000;

    public static TheoryData<string> Indicators => IndicatorCases.Names;

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Should_allocate_nothing_over_a_hundred_thousand_updates(string name)
    {
        // arrange
        var subject = IndicatorCases.Get(name);
        var bars = RecordedKlines.Load(RecordedKlines.BtcUsdm);
        var indicator = subject.Create();
        var checksum = 0d;
        for (var i = 0; i < 5_000; i++)
        {
            // Runs every path once (warm-up, ready, rebuild) so JIT work is done before measuring.
            subject.Feed(indicator, bars[i]);
            checksum += subject.Read(indicator);
        }

        // act: each run starts from a reset indicator; the smallest of three runs filters out the runtime's own
        // occasional allocations (tiered JIT), while a real per-update allocation shows in every run
        var allocated = Allocations.Minimum(() =>
        {
            indicator.Reset();
            for (var i = 0; i < Updates; i++)
            {
                subject.Feed(indicator, bars[i % bars.Length]);
                checksum += subject.Read(indicator);
            }
        });

        // assert
        Assert.Equal(0, allocated); // <--
        Assert.True(indicator.IsReady);
        Assert.Equal(Updates, indicator.Count);
        Assert.False(double.IsInfinity(checksum));
    }
}
