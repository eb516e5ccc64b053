using Rari.Domain.Market;
using Rari.Domain.Strategies.Hybrid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

public sealed class RegimeDetectorSpecs
{
    private static readonly RegimeSettings Settings = RegimeSettings.Default;

    // Tiny windows on 1-minute bars, so that a few dozen hand-made bars show each regime.
    private static readonly RegimeSettings Small = new()
    {
        Interval = KlineInterval.OneMinute,
        EfficiencyRatioPeriod = 5,
        AdxPeriod = 3,
        VolatilityWindow = 3,
        VolatilityPercentileWindow = 5,
        MinBarsInRegime = 2,
    };

    [Theory]
    [InlineData(MarketRegime.Ranging, 0.50, 30, 0.50, MarketRegime.Trending)]
    [InlineData(MarketRegime.Ranging, 0.25, 30, 0.50, MarketRegime.Ranging)] // ER below its enter level
    [InlineData(MarketRegime.Ranging, 0.50, 22, 0.50, MarketRegime.Ranging)] // ADX below its enter level
    [InlineData(MarketRegime.Trending, 0.10, 22, 0.50, MarketRegime.Trending)] // ADX still above its exit level
    [InlineData(MarketRegime.Trending, 0.22, 10, 0.50, MarketRegime.Trending)] // ER still above its exit level
    [InlineData(MarketRegime.Trending, 0.10, 15, 0.50, MarketRegime.Ranging)] // both faded
    [InlineData(MarketRegime.Ranging, 0.10, 10, 0.96, MarketRegime.Extreme)]
    [InlineData(MarketRegime.Ranging, 0.10, 10, 0.94, MarketRegime.Ranging)]
    [InlineData(MarketRegime.Extreme, 0.10, 10, 0.85, MarketRegime.Extreme)] // stays above the exit percentile
    [InlineData(MarketRegime.Extreme, 0.10, 10, 0.79, MarketRegime.Ranging)]
    [InlineData(MarketRegime.Extreme, 0.50, 30, 0.50, MarketRegime.Trending)]
    [InlineData(MarketRegime.Undetermined, 0.50, 30, 0.95, MarketRegime.Extreme)]
    public void Should_classify_a_reading_with_thresholds_that_depend_on_the_current_regime(
        MarketRegime current, double efficiency, double adx, double percentile, MarketRegime expected)
    {
        // act
        var regime = RegimeDetector.Classify(current, new RegimeReading(efficiency, adx, percentile), Settings);

        // assert
        Assert.Equal(expected, regime);
    }

    [Fact]
    public void Should_not_flap_when_the_adx_oscillates_around_its_enter_threshold()
    {
        // arrange
        var detector = new RegimeDetector(Settings);
        var regimes = new List<MarketRegime>();

        // act
        for (var i = 0; i < 200; i++)
        {
            detector.Step(new RegimeReading(0.5, i % 2 == 0 ? 24 : 26, 0.5));
            regimes.Add(detector.Regime);
        }

        // assert
        var changes = regimes.Zip(regimes.Skip(1)).Count(pair => pair.First != pair.Second);
        Assert.Equal(1, changes); // Ranging → Trending once, then held by the lower exit level <--
        Assert.Equal(MarketRegime.Ranging, regimes[0]);
        Assert.Equal(MarketRegime.Trending, regimes[^1]);
        Assert.Equal(MarketRegime.Ranging, regimes[3]); // the minimum of 4 bars in a regime comes first
        Assert.Equal(MarketRegime.Trending, regimes[5]);
    }

    [Fact]
    public void Should_not_flap_when_volatility_oscillates_around_the_extreme_threshold()
    {
        // arrange
        var detector = new RegimeDetector(Settings);
        var regimes = new List<MarketRegime>();

        // act
        for (var i = 0; i < 200; i++)
        {
            detector.Step(new RegimeReading(0.1, 10, i % 2 == 0 ? 0.94 : 0.96));
            regimes.Add(detector.Regime);
        }

        // assert
        Assert.Equal(1, regimes.Zip(regimes.Skip(1)).Count(pair => pair.First != pair.Second));
        Assert.Equal(MarketRegime.Extreme, regimes[1]); // entered at once: protection does not wait
        Assert.All(regimes.Skip(1), r => Assert.Equal(MarketRegime.Extreme, r));
    }

    [Fact]
    public void Should_hold_a_new_regime_for_the_minimum_number_of_bars()
    {
        // arrange
        var detector = new RegimeDetector(Settings);
        detector.Step(new RegimeReading(0.5, 30, 0.5));
        var fading = new RegimeReading(0.05, 10, 0.5);

        // act
        var held = Enumerable.Range(0, 3).Select(_ =>
        {
            detector.Step(fading);
            return detector.Regime;
        }).ToArray();
        detector.Step(fading);

        // assert
        Assert.All(held, r => Assert.Equal(MarketRegime.Trending, r)); // 4 bars in all, the first included
        Assert.Equal(MarketRegime.Ranging, detector.Regime);
        Assert.Equal(1, detector.BarsInRegime);
    }

    [Fact]
    public void Should_enter_an_extreme_at_once_unless_told_to_wait_for_the_minimum()
    {
        // arrange
        var bypassing = new RegimeDetector(Settings);
        var waiting = new RegimeDetector(Settings with { ExtremeBypassesMinimum = false });
        var trend = new RegimeReading(0.5, 30, 0.5);
        var spike = new RegimeReading(0.5, 30, 0.99);
        bypassing.Step(trend);
        waiting.Step(trend);

        // act
        bypassing.Step(spike);
        waiting.Step(spike);

        // assert
        Assert.Equal(MarketRegime.Extreme, bypassing.Regime);
        Assert.Equal(MarketRegime.Trending, waiting.Regime);
    }

    [Fact]
    public void Should_read_trending_ranging_and_extreme_markets_from_bars()
    {
        // arrange
        var detector = new RegimeDetector(Small);
        var time = TestKlines.Jan2024Ms;
        var regimes = new List<MarketRegime>();
        void Feed(decimal open, decimal close)
        {
            detector.Update(new Kline(time, open, Math.Max(open, close), Math.Min(open, close), close, 1m));
            time += TestKlines.MinuteMs;
            regimes.Add(detector.Regime);
        }

        // act: a zig-zag, a clean climb, the zig-zag again, then violent swings
        for (var i = 0; i < 20; i++)
        {
            Feed(i % 2 == 0 ? 100m : 101m, i % 2 == 0 ? 101m : 100m);
        }

        var ranging = detector.Regime;
        for (var i = 0; i < 12; i++)
        {
            Feed(100m + i, 101m + i);
        }

        var trending = detector.Regime;
        for (var i = 0; i < 20; i++)
        {
            Feed(i % 2 == 0 ? 112m : 113m, i % 2 == 0 ? 113m : 112m);
        }

        var rangingAgain = detector.Regime;
        Feed(112m, 125m);
        var extreme = detector.Regime;

        // assert
        Assert.Equal(MarketRegime.Ranging, ranging);
        Assert.Equal(MarketRegime.Trending, trending);
        Assert.Equal(MarketRegime.Ranging, rangingAgain);
        Assert.Equal(MarketRegime.Extreme, extreme); // <--
        Assert.StartsWith("Extreme on 1m bars: ER ", detector.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_classify_fifteen_minute_bars_aggregated_from_one_minute_input()
    {
        // arrange
        var detector = new RegimeDetector(Settings);
        var minutes = TestKlines.RandomWalk(11, TestKlines.Jan2024Ms, 15 * 200, startPrice: 2000m, tick: 0.1m);

        // act
        foreach (var minute in minutes)
        {
            detector.Update(minute);
        }

        // assert
        Assert.Equal(200, detector.DetectorBars);
        Assert.NotEqual(MarketRegime.Undetermined, detector.Regime);
        Assert.Equal(113, Settings.WarmUpDetectorBars); // 16 + 1 + 96
        Assert.Equal(1_695, Settings.WarmUpBars);
    }

    [Fact]
    public void Should_rank_values_among_their_predecessors_with_ties_counting_half()
    {
        // arrange
        var constant = new RollingPercentileRank(4);
        var rising = new RollingPercentileRank(4);
        var falling = new RollingPercentileRank(4);

        // act
        var constantRanks = Enumerable.Range(0, 6).Select(_ => constant.RankAndAdd(1.0)).ToArray();
        var risingRanks = Enumerable.Range(0, 6).Select(i => rising.RankAndAdd(i)).ToArray();
        var fallingRanks = Enumerable.Range(0, 6).Select(i => falling.RankAndAdd(-i)).ToArray();

        // assert
        Assert.True(double.IsNaN(constantRanks[3]));
        Assert.Equal([0.5, 0.5], constantRanks[4..]); // not 1: a flat market is not extreme
        Assert.Equal([1.0, 1.0], risingRanks[4..]);
        Assert.Equal([0.0, 0.0], fallingRanks[4..]);
    }

    [Fact]
    public void Should_list_every_invalid_setting()
    {
        // arrange
        var settings = Settings with { Interval = KlineInterval.OneMonth, TrendExitAdx = 30, ExtremeExitPercentile = 0.99, MinBarsInRegime = 0 };

        // act
        var errors = settings.Validate();

        // assert
        Assert.Equal(
            [
                "regime.interval = 1M: must be a fixed-length interval built from 1-minute bars (1m to 1w).",
                "regime.trend-exit-adx = 30: must be in [0, trend-enter-adx = 25).",
                "regime.extreme-exit-percentile = 0.99: must be in [0, extreme-enter-percentile = 0.95).",
                "regime.min-bars-in-regime = 0: must be at least 1.",
            ],
            errors);
        Assert.Throws<ArgumentException>(() => new RegimeDetector(settings));
    }
}
