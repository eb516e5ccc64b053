using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.TestKit;

namespace Rari.Aster.Sim.Tests.Replay;

public sealed class MarketReplaySpecs
{
    private const long Start = TestKlines.Jan2024Ms;
    private const long Minute = TestKlines.MinuteMs;

    [Fact]
    public void Should_merge_symbols_by_time_and_replay_a_minute_at_its_close()
    {
        // arrange: A trades minutes 0,1,2; B starts at minute 1 and skips minute 2
        var replay = Replay(("AAAUSDT", [0, 1, 2]), ("BBBUSDT", [1, 3]));
        var heard = new List<ReplayedBarsEventArgs>();
        replay.BarsReplayed += (_, e) => heard.Add(e);

        // act
        var stepped = replay.Step(3);

        // assert
        Assert.Equal(3, stepped);
        Assert.Equal([Start, Start + Minute, Start + (2 * Minute)], heard.Select(e => e.OpenTimeMs));
        Assert.Equal(["AAAUSDT"], heard[0].Bars.Select(b => b.Symbol.Symbol.Value));
        Assert.Equal(["AAAUSDT", "BBBUSDT"], heard[1].Bars.Select(b => b.Symbol.Symbol.Value));
        Assert.Equal(Start + (3 * Minute), replay.MarketTimeMs);
        Assert.Equal(Start + (3 * Minute), heard[2].MarketTimeMs);
        Assert.Equal(3, replay.Symbols[0].ReplayedCount);
        Assert.Equal(1, replay.Symbols[1].ReplayedCount);
        Assert.Equal(2, replay.Symbols[1].BookUpdateId);
        Assert.False(replay.IsFinished);
    }

    [Fact]
    public void Should_start_before_the_first_bar_with_the_first_open_as_last_price()
    {
        // arrange
        var replay = Replay(("AAAUSDT", [0, 1]));

        // act
        var symbol = replay.Symbols[0];

        // assert
        Assert.Equal(Start, replay.MarketTimeMs);
        Assert.Equal(0, symbol.ReplayedCount);
        Assert.Null(symbol.LastBar);
        Assert.Equal(symbol.Series.Bars[0].Open, symbol.LastPrice);
        Assert.Equal(1, symbol.BookUpdateId);
    }

    [Fact]
    public void Should_advance_to_a_time_replaying_every_minute_closed_by_then_and_never_go_back()
    {
        // arrange
        var replay = Replay(("AAAUSDT", [0, 1, 2, 3]));

        // act
        var replayed = replay.AdvanceTo(Start + (2 * Minute) + 30_000);
        var back = replay.AdvanceTo(Start);

        // assert
        Assert.Equal(2, replayed);
        Assert.Equal(0, back);
        Assert.Equal(Start + (2 * Minute) + 30_000, replay.MarketTimeMs);
        Assert.Equal(2, replay.Symbols[0].ReplayedCount);
    }

    [Fact]
    public void Should_stop_at_the_end_of_the_data()
    {
        // arrange
        var replay = Replay(("AAAUSDT", [0, 1]));

        // act
        var stepped = replay.Step(10);
        replay.AdvanceTo(Start + (100 * Minute));

        // assert
        Assert.Equal(2, stepped);
        Assert.True(replay.IsFinished);
        Assert.Equal(replay.DataEndMs, replay.MarketTimeMs);
        Assert.Null(replay.NextMinuteMs);
    }

    [Fact]
    public async Task Should_pace_at_the_requested_speed()
    {
        // arrange: 600x real time is a minute every 100 ms
        var replay = Replay(("AAAUSDT", [.. Enumerable.Range(0, 1000)]));
        await using var clock = new ReplayClock(replay, TimeProvider.System, ReplayMode.Paced, 600);

        // act
        var watch = System.Diagnostics.Stopwatch.StartNew();
        clock.Start();
        await Task.Delay(1000);
        var replayed = replay.ReplayedMinutes;
        var expected = (int)(watch.ElapsedMilliseconds / 100);

        // assert: one minute per 100 ms of wall time; never ahead of the wall clock, and on a busy machine (CI shares
        // two cores) allowed to trail it, since pacing is what is checked here, not the scheduler's punctuality
        Assert.InRange(replayed, Math.Max(1, (expected / 2) - 2), expected + 1);
    }

    [Fact]
    public async Task Should_replay_as_fast_as_possible_until_the_end()
    {
        // arrange
        var replay = Replay(("AAAUSDT", [.. Enumerable.Range(0, 3000)]), ("BBBUSDT", [.. Enumerable.Range(0, 3000)]));
        await using var clock = new ReplayClock(replay, TimeProvider.System, ReplayMode.AsFastAsPossible, 1);
        var minutes = 0;
        replay.BarsReplayed += (_, _) => minutes++;

        // act
        clock.Start();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!replay.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // assert
        Assert.True(replay.IsFinished);
        Assert.Equal(3000, minutes);
    }

    [Fact]
    public async Task Should_stay_put_in_manual_mode_until_switched()
    {
        // arrange
        var replay = Replay(("AAAUSDT", [.. Enumerable.Range(0, 100)]));
        await using var clock = new ReplayClock(replay, TimeProvider.System, ReplayMode.Manual, 1);
        clock.Start();
        await Task.Delay(100);
        var manual = replay.ReplayedMinutes;

        // act
        clock.Set(ReplayMode.AsFastAsPossible, 1);
        for (var i = 0; i < 250 && !replay.IsFinished; i++)
        {
            await Task.Delay(20);
        }

        // assert
        Assert.Equal(0, manual);
        Assert.True(replay.IsFinished);
    }

    private static MarketReplay Replay(params (string Symbol, int[] Minutes)[] symbols) =>
        new([.. symbols.Select((s, i) =>
        {
            var bars = s.Minutes.Select(m => TestKlines.Flat(Start + (m * Minute), 100m + m)).ToArray();
            var series = new SymbolSeries(new Symbol(s.Symbol), bars);
            return new MarketSymbol(DerivedInstrument.For(series), series, i);
        })]);
}
