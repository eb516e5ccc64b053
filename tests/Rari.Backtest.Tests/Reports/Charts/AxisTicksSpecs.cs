using Rari.Backtest.Reports.Charts;

namespace Rari.Backtest.Tests.Reports.Charts;

public sealed class AxisTicksSpecs
{
    [Theory]
    [InlineData(0.0, 10.0, new[] { 0.0, 2.0, 4.0, 6.0, 8.0, 10.0 })]
    [InlineData(28_288.6, 30_420.0, new[] { 28_500.0, 29_000.0, 29_500.0, 30_000.0 })]
    [InlineData(-12.5, 0.0, new[] { -12.0, -10.0, -8.0, -6.0, -4.0, -2.0, 0.0 })]
    public void Should_place_value_ticks_on_round_numbers(double min, double max, double[] expected)
    {
        Assert.Equal(expected, AxisTicks.Values(min, max).Select(v => Math.Round(v, 9)));
    }

    [Fact]
    public void Should_place_time_ticks_on_round_utc_days_for_a_month()
    {
        var from = DateTimeOffset.Parse("2023-07-18T11:13:00Z").ToUnixTimeMilliseconds();
        var to = DateTimeOffset.Parse("2023-08-17T11:11:00Z").ToUnixTimeMilliseconds();

        var ticks = AxisTicks.Times(from, to);

        Assert.InRange(ticks.Count, 3, 8);
        Assert.All(ticks, t => Assert.Equal(0, t % 86_400_000L));
        Assert.Equal("2023-07-19", AxisTicks.TimeLabel(DateTimeOffset.Parse("2023-07-19T00:00:00Z").ToUnixTimeMilliseconds()));
    }
}
