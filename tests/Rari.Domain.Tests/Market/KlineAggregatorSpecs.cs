using Rari.Domain.Data;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Domain.Tests.Market;

public class KlineAggregatorSpecs
{
    private const long Minute = TestKlines.MinuteMs;
    private const long Start = TestKlines.Jan2024Ms;

    [Fact]
    public void Should_fold_five_minutes_into_one_bar_when_the_last_minute_arrives()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.FiveMinutes);
        var minutes = new[]
        {
            TestKlines.Bar(Start, 100m, 101m, 99m, 100.5m, volume: 1m, quoteVolume: 100m, trades: 3),
            TestKlines.Bar(Start + Minute, 100.5m, 103m, 100m, 102m, volume: 2m, quoteVolume: 205m, trades: 4),
            TestKlines.Bar(Start + (2 * Minute), 102m, 102.5m, 97m, 98m, volume: 0.5m, quoteVolume: 49m, trades: 1),
            TestKlines.Bar(Start + (3 * Minute), 98m, 99m, 98m, 99m, volume: 1.25m, quoteVolume: 123.5m, trades: 2),
        };
        var last = TestKlines.Bar(Start + (4 * Minute), 99m, 100m, 98.5m, 99.5m, volume: 3m, quoteVolume: 298m, trades: 5);

        // act
        var before = minutes.Select(m => aggregator.Add(m).Count).ToArray();
        var completed = aggregator.Add(last); // <--

        // assert
        Assert.Equal([0, 0, 0, 0], before);
        var bar = Assert.Single(completed);
        Assert.Equal(new Kline(Start, 100m, 103m, 97m, 99.5m, 7.75m, 775.5m, 15), bar);
        Assert.Null(aggregator.Pending);
    }

    [Fact]
    public void Should_show_the_bar_being_built_as_pending()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.OneHour);

        // act
        aggregator.Add(TestKlines.Bar(Start + (10 * Minute), 50m, 55m, 49m, 54m, volume: 2m));
        aggregator.Add(TestKlines.Bar(Start + (11 * Minute), 54m, 60m, 53m, 58m, volume: 3m));

        // assert
        Assert.Equal(new Kline(Start, 50m, 60m, 49m, 58m, 5m), aggregator.Pending);
    }

    [Fact]
    public void Should_close_a_bar_whose_last_minutes_are_missing_when_a_later_bar_starts()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.FiveMinutes);
        aggregator.Add(TestKlines.Flat(Start, 10m));
        aggregator.Add(TestKlines.Flat(Start + Minute, 11m));

        // act: the next minute belongs to 00:15, so 00:00 and the empty 00:05 bar are skipped over
        var completed = aggregator.Add(TestKlines.Flat(Start + (16 * Minute), 12m));

        // assert
        var bar = Assert.Single(completed);
        Assert.Equal(new Kline(Start, 10m, 11m, 10m, 11m, 2m), bar);
        Assert.Equal(new Kline(Start + (15 * Minute), 12m, 12m, 12m, 12m, 1m), aggregator.Pending);
    }

    [Fact]
    public void Should_complete_two_bars_at_once_when_a_gap_ends_on_the_last_minute_of_a_bar()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.FiveMinutes);
        aggregator.Add(TestKlines.Flat(Start, 10m));

        // act
        var completed = aggregator.Add(TestKlines.Flat(Start + (9 * Minute), 20m));

        // assert
        Assert.Equal(2, completed.Count);
        Assert.Equal(
            [new Kline(Start, 10m, 10m, 10m, 10m, 1m), new Kline(Start + (5 * Minute), 20m, 20m, 20m, 20m, 1m)],
            completed.ToArray());
        Assert.Null(aggregator.Pending);
    }

    [Fact]
    public void Should_pass_klines_through_unchanged_when_source_and_target_match()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.OneMinute);
        var minute = TestKlines.Bar(Start, 1m, 2m, 0.5m, 1.5m, volume: 7m, quoteVolume: 9m, trades: 2);

        // act
        var completed = aggregator.Add(minute);

        // assert
        Assert.Equal(minute, Assert.Single(completed));
    }

    [Fact]
    public void Should_flush_an_unfinished_bar_once()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.FifteenMinutes);
        aggregator.Add(TestKlines.Flat(Start + Minute, 7m));

        // act
        var first = aggregator.Flush();
        var second = aggregator.Flush();

        // assert
        Assert.Equal(new Kline(Start, 7m, 7m, 7m, 7m, 1m), first);
        Assert.Null(second);
    }

    [Fact]
    public void Should_reject_klines_out_of_order_or_off_the_source_grid()
    {
        // arrange
        var aggregator = new KlineAggregator(KlineInterval.FiveMinutes);
        aggregator.Add(TestKlines.Flat(Start + Minute, 1m));

        // act
        var repeated = Assert.Throws<ArgumentException>(() => aggregator.Add(TestKlines.Flat(Start + Minute, 1m)));
        var misaligned = Assert.Throws<ArgumentException>(() => aggregator.Add(TestKlines.Flat(Start + (2 * Minute) + 1, 1m)));

        // assert
        Assert.Contains("strictly increasing", repeated.Message);
        Assert.Contains("not aligned to the 1m interval", misaligned.Message);
    }

    [Theory]
    [InlineData("3d", "1w")]
    [InlineData("1w", "1M")]
    [InlineData("1M", "1M")]
    [InlineData("1h", "30m")]
    [InlineData("3d", "1M")]
    public void Should_refuse_targets_not_made_of_whole_source_bars(string source, string target)
    {
        // act
        var error = Assert.ThrowsAny<ArgumentException>(() => new KlineAggregator(KlineInterval.Parse(source), KlineInterval.Parse(target)));

        // assert
        Assert.NotEmpty(error.Message);
    }

    [Theory]
    [InlineData("1m", "1w")]
    [InlineData("12h", "1M")]
    [InlineData("1d", "3d")]
    [InlineData("8h", "1d")]
    [InlineData("5m", "1h")]
    public void Should_accept_targets_made_of_whole_source_bars(string source, string target)
    {
        // act
        var aggregator = new KlineAggregator(KlineInterval.Parse(source), KlineInterval.Parse(target));

        // assert
        Assert.Equal(target, aggregator.Target.ToString());
    }

    [Theory]
    [InlineData("klines/binance-usdm/BTCUSDT-1m-20250504-20250624.csv.gz", "5m")]
    [InlineData("klines/binance-usdm/BTCUSDT-1m-20250504-20250624.csv.gz", "1h")]
    [InlineData("klines/binance-spot/BTCUSDT-1m-20210326-20210430.csv.gz", "5m")] // two outage gaps
    [InlineData("klines/binance-spot/BTCUSDT-1m-20210326-20210430.csv.gz", "1h")]
    [InlineData("klines/binance-spot/ETHUSDT-1m-20210809-20210913.csv.gz", "4h")] // one gap
    [InlineData("klines/binance-usdm/AVAXUSDT-1m-20240201-20240229.csv.gz", "1w")]
    [InlineData("klines/binance-usdm/NEARUSDT-1m-20240601-20240630.csv.gz", "1d")]
    public void Should_match_a_naive_group_by_on_real_data(string file, string interval)
    {
        // arrange
        var target = KlineInterval.Parse(interval);
        var minutes = KlineCsvReader.Read(SharedData.File(file)).ToList();
        var expected = minutes
            .GroupBy(k => target.OpenTimeOf(k.OpenTimeMs))
            .Select(g => new Kline(
                g.Key, g.First().Open, g.Max(k => k.High), g.Min(k => k.Low), g.Last().Close,
                g.Sum(k => k.Volume), g.Sum(k => k.QuoteVolume), g.Sum(k => k.Trades)))
            .ToList();

        // act
        var all = KlineAggregator.Aggregate(minutes, KlineInterval.OneMinute, target, emitUnfinishedLast: true).ToList();
        var finishedOnly = KlineAggregator.Aggregate(minutes, KlineInterval.OneMinute, target).ToList();

        // assert
        Assert.Equal(expected, all);
        var lastIsFinished = minutes[^1].OpenTimeMs + Minute == target.NextOpenTime(minutes[^1].OpenTimeMs);
        Assert.Equal(lastIsFinished ? expected : expected.Take(expected.Count - 1), finishedOnly);
    }

    [Fact]
    public void Should_fold_a_leap_february_into_one_month_bar_on_its_last_minute()
    {
        // arrange: 29 full days of AVAXUSDT, 2024-02-01 00:00 to 2024-02-29 23:59
        var minutes = KlineCsvReader.Read(SharedData.File("klines/binance-usdm/AVAXUSDT-1m-20240201-20240229.csv.gz")).ToList();
        var aggregator = new KlineAggregator(KlineInterval.OneMonth);

        // act
        var emittedBeforeLast = minutes.Take(minutes.Count - 1).Sum(m => aggregator.Add(m).Count);
        var month = Assert.Single(aggregator.Add(minutes[^1]));

        // assert
        Assert.Equal(41_760, minutes.Count);
        Assert.Equal(0, emittedBeforeLast);
        Assert.Equal(1_706_745_600_000L, month.OpenTimeMs); // 2024-02-01 00:00 UTC
        Assert.Equal(33.173m, month.Open);
        Assert.Equal(44.752m, month.High);
        Assert.Equal(32.221m, month.Low);
        Assert.Equal(40.997m, month.Close);
        Assert.Equal(minutes.Sum(m => m.Volume), month.Volume);
        Assert.Equal(minutes.Sum(m => m.Trades), month.Trades);
    }

    [Fact]
    public void Should_match_a_naive_group_by_on_generated_walks_with_gaps_for_every_interval()
    {
        // arrange
        var minutes = TestKlines.RandomWalk(seed: 7, TestKlines.Jan2024Ms - (3 * 24 * 60 * Minute), count: 60_000, gapProbability: 0.01);

        foreach (var target in KlineInterval.All)
        {
            var expected = minutes
                .GroupBy(k => target.OpenTimeOf(k.OpenTimeMs))
                .Select(g => new Kline(
                    g.Key, g.First().Open, g.Max(k => k.High), g.Min(k => k.Low), g.Last().Close,
                    g.Sum(k => k.Volume), g.Sum(k => k.QuoteVolume), g.Sum(k => k.Trades)))
                .ToList();

            // act
            var actual = KlineAggregator.Aggregate(minutes, KlineInterval.OneMinute, target, emitUnfinishedLast: true).ToList();

            // assert
            Assert.Equal(expected, actual);
        }
    }
}
