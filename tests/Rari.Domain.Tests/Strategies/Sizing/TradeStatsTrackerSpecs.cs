using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Tests.Strategies.Sizing;

public sealed class TradeStatsTrackerSpecs
{
    [Fact]
    public void Should_track_the_win_rate_and_payoff_ratio_of_closed_round_trips()
    {
        // arrange
        var stats = TradeStatsTracker.Empty;

        // act
        stats = stats.Record(30m).Record(-10m).Record(10m).Record(0m).Record(-20m);

        // assert
        Assert.Equal((2, 2, 1, 5), (stats.Wins, stats.Losses, stats.Breakevens, stats.TradeCount));
        Assert.Equal(0.5m, stats.WinRate); // breakevens are neither
        Assert.Equal(20m, stats.AverageWin);
        Assert.Equal(15m, stats.AverageLoss);
        Assert.Equal(20m / 15m, stats.PayoffRatio); // <--
    }

    [Fact]
    public void Should_have_no_win_rate_or_payoff_before_there_is_a_win_and_a_loss()
    {
        // act
        var empty = TradeStatsTracker.Empty;
        var onlyWins = empty.Record(5m);

        // assert
        Assert.Null(empty.WinRate);
        Assert.Null(empty.PayoffRatio);
        Assert.Equal(1m, onlyWins.WinRate);
        Assert.Null(onlyWins.PayoffRatio);
    }

    [Fact]
    public void Should_compare_by_value_and_refuse_negative_counts()
    {
        // act and assert
        Assert.Equal(TradeStatsTracker.Empty.Record(1m), TradeStatsTracker.Empty.Record(1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeStatsTracker.Empty with { Wins = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeStatsTracker.Empty with { GrossLoss = -1m });
    }
}
