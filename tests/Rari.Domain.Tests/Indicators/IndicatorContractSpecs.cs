namespace Rari.Domain.Tests.Indicators;

/// <summary>The promises every indicator makes: readiness exactly at its warm-up, NaN before, counting, and Reset.</summary>
public sealed class IndicatorContractSpecs
{
    public static TheoryData<string> Indicators => IndicatorCases.Names;

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Should_become_ready_exactly_at_the_end_of_its_warm_up(string name)
    {
        // arrange
        var subject = IndicatorCases.Get(name);
        var bars = RecordedKlines.Load(RecordedKlines.BtcUsdm);
        var indicator = subject.Create();

        // act + assert
        for (var i = 0; i < subject.WarmUpBars - 1; i++)
        {
            subject.Feed(indicator, bars[i]);
            Assert.False(indicator.IsReady, $"ready after {i + 1} bars");
            Assert.True(double.IsNaN(subject.Read(indicator)), $"value before warm-up after {i + 1} bars");
        }

        subject.Feed(indicator, bars[subject.WarmUpBars - 1]);
        Assert.True(indicator.IsReady); // <--
        Assert.True(double.IsFinite(subject.Read(indicator)));
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Should_count_every_update(string name)
    {
        // arrange
        var subject = IndicatorCases.Get(name);
        var bars = RecordedKlines.Load(RecordedKlines.BtcUsdm);
        var indicator = subject.Create();

        // act
        for (var i = 0; i < 123; i++)
        {
            subject.Feed(indicator, bars[i]);
        }

        // assert
        Assert.Equal(123, indicator.Count);
    }

    [Theory]
    [MemberData(nameof(Indicators))]
    public void Should_behave_like_a_fresh_instance_after_reset(string name)
    {
        // arrange
        var subject = IndicatorCases.Get(name);
        var btc = RecordedKlines.Load(RecordedKlines.BtcUsdm);
        var eth = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var reused = subject.Create();
        var fresh = subject.Create();
        for (var i = 0; i < 3_000; i++)
        {
            subject.Feed(reused, btc[i]);
        }

        // act
        reused.Reset();

        // assert
        Assert.False(reused.IsReady);
        Assert.Equal(0, reused.Count);
        Assert.True(double.IsNaN(subject.Read(reused)));
        for (var i = 0; i < 2_000; i++)
        {
            subject.Feed(reused, eth[i]);
            subject.Feed(fresh, eth[i]);
            Assert.Equal(fresh.IsReady, reused.IsReady);
            Assert.Equal(subject.Read(fresh), subject.Read(reused)); // bit for bit: no state survived the reset
        }
    }
}
