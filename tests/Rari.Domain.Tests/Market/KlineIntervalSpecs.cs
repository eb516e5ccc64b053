using Rari.Domain.Market;

namespace Rari.Domain.Tests.Market;

public class KlineIntervalSpecs
{
    private const long Minute = 60_000L;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    [Theory]
    [InlineData("1m", KlineIntervalUnit.Minute, 1, 60_000L)]
    [InlineData("3m", KlineIntervalUnit.Minute, 3, 180_000L)]
    [InlineData("5m", KlineIntervalUnit.Minute, 5, 300_000L)]
    [InlineData("15m", KlineIntervalUnit.Minute, 15, 900_000L)]
    [InlineData("30m", KlineIntervalUnit.Minute, 30, 1_800_000L)]
    [InlineData("1h", KlineIntervalUnit.Hour, 1, 3_600_000L)]
    [InlineData("2h", KlineIntervalUnit.Hour, 2, 7_200_000L)]
    [InlineData("4h", KlineIntervalUnit.Hour, 4, 14_400_000L)]
    [InlineData("6h", KlineIntervalUnit.Hour, 6, 21_600_000L)]
    [InlineData("8h", KlineIntervalUnit.Hour, 8, 28_800_000L)]
    [InlineData("12h", KlineIntervalUnit.Hour, 12, 43_200_000L)]
    [InlineData("1d", KlineIntervalUnit.Day, 1, 86_400_000L)]
    [InlineData("3d", KlineIntervalUnit.Day, 3, 259_200_000L)]
    [InlineData("1w", KlineIntervalUnit.Week, 1, 604_800_000L)]
    public void Should_parse_every_fixed_interval_and_format_it_back(string text, KlineIntervalUnit unit, int count, long durationMs)
    {
        // act
        var interval = KlineInterval.Parse(text);

        // assert
        Assert.Equal(unit, interval.Unit);
        Assert.Equal(count, interval.Count);
        Assert.True(interval.IsFixedLength);
        Assert.Equal(durationMs, interval.DurationMs);
        Assert.Equal(text, interval.ToString());
    }

    [Fact]
    public void Should_tell_a_month_from_a_minute_by_case()
    {
        // act
        var month = KlineInterval.Parse("1M");
        var minute = KlineInterval.Parse("1m");

        // assert
        Assert.Equal(KlineInterval.OneMonth, month);
        Assert.Equal(KlineInterval.OneMinute, minute);
        Assert.NotEqual(month, minute);
        Assert.False(month.IsFixedLength);
        Assert.Equal("1M", month.ToString());
    }

    [Fact]
    public void Should_list_all_fifteen_aster_intervals_in_order()
    {
        // act
        var texts = KlineInterval.All.Select(i => i.ToString());

        // assert
        Assert.Equal(["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"], texts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("2m")]
    [InlineData("1H")]
    [InlineData("1D")]
    [InlineData("1W")]
    [InlineData(" 1m")]
    [InlineData("60m")]
    [InlineData("1s")]
    public void Should_reject_text_that_is_not_an_aster_interval(string text)
    {
        // act
        var parsed = KlineInterval.TryParse(text, out _);
        var error = Assert.Throws<FormatException>(() => KlineInterval.Parse(text));

        // assert
        Assert.False(parsed);
        Assert.Contains("1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M", error.Message);
    }

    [Fact]
    public void Should_refuse_a_fixed_duration_for_a_month()
    {
        // act
        var error = Assert.Throws<InvalidOperationException>(() => KlineInterval.OneMonth.DurationMs);

        // assert
        Assert.Contains("calendar month", error.Message);
    }

    [Fact]
    public void Should_refuse_to_work_as_the_default_value()
    {
        // arrange
        var interval = default(KlineInterval);

        // act
        var error = Assert.Throws<InvalidOperationException>(() => interval.OpenTimeOf(0));

        // assert
        Assert.Contains("default(KlineInterval)", error.Message);
        Assert.Equal(string.Empty, interval.ToString());
    }

    [Theory]
    [InlineData("5m", "2024-03-10T13:47:59.999Z", "2024-03-10T13:45:00Z", "2024-03-10T13:50:00Z")]
    [InlineData("15m", "2024-03-10T13:45:00Z", "2024-03-10T13:45:00Z", "2024-03-10T14:00:00Z")]
    [InlineData("1h", "2024-03-10T13:59:59Z", "2024-03-10T13:00:00Z", "2024-03-10T14:00:00Z")]
    [InlineData("4h", "2024-03-10T13:00:00Z", "2024-03-10T12:00:00Z", "2024-03-10T16:00:00Z")]
    [InlineData("8h", "2024-03-10T23:00:00Z", "2024-03-10T16:00:00Z", "2024-03-11T00:00:00Z")]
    [InlineData("1d", "2024-02-29T23:59:59.999Z", "2024-02-29T00:00:00Z", "2024-03-01T00:00:00Z")]
    [InlineData("3d", "2024-01-01T00:00:00Z", "2023-12-31T00:00:00Z", "2024-01-03T00:00:00Z")]
    [InlineData("1w", "2024-03-10T13:00:00Z", "2024-03-04T00:00:00Z", "2024-03-11T00:00:00Z")]
    [InlineData("1w", "2024-03-11T00:00:00Z", "2024-03-11T00:00:00Z", "2024-03-18T00:00:00Z")]
    [InlineData("1w", "1970-01-01T00:00:00Z", "1969-12-29T00:00:00Z", "1970-01-05T00:00:00Z")]
    [InlineData("1M", "2024-02-15T10:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")]
    [InlineData("1M", "2023-02-28T23:59:59.999Z", "2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z")]
    [InlineData("1M", "2024-12-31T23:59:59.999Z", "2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("1M", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")]
    [InlineData("1m", "1969-12-31T23:59:30Z", "1969-12-31T23:59:00Z", "1970-01-01T00:00:00Z")]
    public void Should_place_a_timestamp_in_its_utc_bar(string interval, string timestamp, string expectedOpen, string expectedNext)
    {
        // arrange
        var subject = KlineInterval.Parse(interval);
        var time = Ms(timestamp);

        // act
        var open = subject.OpenTimeOf(time);
        var next = subject.NextOpenTime(time);

        // assert
        Assert.Equal(Ms(expectedOpen), open);
        Assert.Equal(Ms(expectedNext), next);
    }

    [Theory]
    [InlineData("2024-02-10T00:00:00Z", 29)] // leap year
    [InlineData("2023-02-10T00:00:00Z", 28)]
    [InlineData("2100-02-10T00:00:00Z", 28)] // divisible by 100, not by 400: no leap day
    [InlineData("2000-02-10T00:00:00Z", 29)] // divisible by 400: leap day
    [InlineData("2024-04-30T23:59:59.999Z", 30)]
    [InlineData("2024-12-01T00:00:00Z", 31)]
    public void Should_give_a_month_bar_the_length_of_its_calendar_month(string timestamp, int days)
    {
        // act
        var length = KlineInterval.OneMonth.LengthOfBarAt(Ms(timestamp));

        // assert
        Assert.Equal(days * Day, length);
    }

    [Fact]
    public void Should_align_every_interval_consistently_over_many_random_times()
    {
        // arrange
        var random = new Random(20240229);

        foreach (var interval in KlineInterval.All)
        {
            for (var i = 0; i < 2_000; i++)
            {
                var time = Ms("2015-01-01T00:00:00Z") + (long)(random.NextDouble() * 20 * 365 * Day);

                // act
                var open = interval.OpenTimeOf(time);
                var next = interval.NextOpenTime(time);

                // assert
                Assert.InRange(time, open, next - 1);
                Assert.True(interval.IsOpenTime(open));
                Assert.Equal(open, interval.OpenTimeOf(next - 1));
                Assert.Equal(next, interval.OpenTimeOf(next));
                var openUtc = DateTimeOffset.FromUnixTimeMilliseconds(open);
                switch (interval.Unit)
                {
                    case KlineIntervalUnit.Month:
                        Assert.Equal((1, TimeSpan.Zero), (openUtc.Day, openUtc.TimeOfDay));
                        Assert.Equal(openUtc.AddMonths(1).ToUnixTimeMilliseconds(), next);
                        break;
                    case KlineIntervalUnit.Week:
                        Assert.Equal((DayOfWeek.Monday, TimeSpan.Zero), (openUtc.DayOfWeek, openUtc.TimeOfDay));
                        break;
                    default:
                        Assert.Equal(0, open % interval.DurationMs);
                        Assert.Equal(interval.DurationMs, next - open);
                        break;
                }
            }
        }
    }

    private static long Ms(string isoUtc) =>
        DateTimeOffset.Parse(isoUtc, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
