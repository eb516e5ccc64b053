using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Replay;

public sealed class ClockAdminSpecs
{
    // The bundled sample starts on 2025-05-06 00:00 UTC.
    private const long SampleStart = 1_746_489_600_000;

    [Fact]
    public async Task Should_report_the_clock()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var clock = await host.AdminAsync(HttpMethod.Get, "/_sim/clock");

        // assert
        Assert.Equal("manual", clock.GetProperty("mode").GetString());
        Assert.Equal(SampleStart, clock.GetProperty("marketTime").GetInt64());
        Assert.Equal(SampleStart, clock.GetProperty("dataStart").GetInt64());
        Assert.Equal(SampleStart + (7200 * 60_000L), clock.GetProperty("dataEnd").GetInt64());
        Assert.Equal(7200, clock.GetProperty("minutes").GetInt32());
        Assert.Equal(0, clock.GetProperty("replayedMinutes").GetInt32());
        Assert.False(clock.GetProperty("finished").GetBoolean());
    }

    [Fact]
    public async Task Should_step_and_advance_the_market_clock()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var stepped = await host.StepAsync(5);
        var advanced = await host.AdminAsync(HttpMethod.Post, $"/_sim/clock/advance?to={SampleStart + (60 * 60_000)}");

        // assert
        Assert.Equal(SampleStart + (5 * 60_000), stepped.GetProperty("marketTime").GetInt64());
        Assert.Equal(5, stepped.GetProperty("replayedMinutes").GetInt32());
        Assert.Equal(60, advanced.GetProperty("replayedMinutes").GetInt32());
    }

    [Fact]
    public async Task Should_switch_to_paced_replay_at_run_time()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var clock = await host.AdminAsync(HttpMethod.Post, "/_sim/clock?mode=paced&speed=6000");
        await Task.Delay(500);
        var later = await host.AdminAsync(HttpMethod.Get, "/_sim/clock");

        // assert
        Assert.Equal("paced", clock.GetProperty("mode").GetString());
        Assert.Equal(6000, clock.GetProperty("speed").GetDouble());
        Assert.True(later.GetProperty("replayedMinutes").GetInt32() >= 10);
    }

    [Fact]
    public async Task Should_refuse_a_bad_mode_or_speed()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var (mode, modeBody, _) = await host.SendAsync(HttpMethod.Post, "/_sim/clock?mode=warp");
        var (speed, _, _) = await host.SendAsync(HttpMethod.Post, "/_sim/clock?speed=-1");

        // assert
        Assert.Equal(400, mode);
        Assert.Equal("Data sent for parameter 'mode' is not valid: use manual, paced or fast.", modeBody.GetProperty("msg").GetString());
        Assert.Equal(400, speed);
    }

    [Fact]
    public async Task Should_keep_the_wall_clock_for_time_and_the_market_clock_for_market_data()
    {
        // arrange
        var wall = new TestClock(1_800_000_000_000);
        await using var host = await SimHost.StartAsync(o => o with { TimeProvider = wall });
        await host.StepAsync(3);

        // act
        var (_, time, _) = await host.GetAsync("/fapi/v1/time");
        var (_, price, _) = await host.GetAsync("/fapi/v1/ticker/price?symbol=BTCUSDT");

        // assert
        Assert.Equal(1_800_000_000_000, time.GetProperty("serverTime").GetInt64());
        Assert.Equal(SampleStart + (3 * 60_000), price.GetProperty("time").GetInt64());
    }
}
