using Rari.Aster.Streams;

namespace Rari.Aster.Tests.Streams;

public sealed class SilenceWatchdogSpecs
{
    [Fact]
    public void Should_report_each_silent_stream_once_and_its_resumption_once()
    {
        // arrange
        var watchdog = new SilenceWatchdog(timeoutMs: 1_000);
        watchdog.Track(["b@x", "a@x"], nowMs: 0);
        watchdog.Seen("a@x", nowMs: 500);

        // act
        var atTimeout = watchdog.Check(1_000);
        var first = watchdog.Check(1_001);
        var again = watchdog.Check(1_400);
        var both = watchdog.Check(1_501);
        var resumed = watchdog.Seen("b@x", 2_000);
        var resumedAgain = watchdog.Seen("b@x", 2_100);

        // assert
        Assert.Null(atTimeout);
        Assert.Equal(["b@x"], first!.Value.Streams);
        Assert.Equal(0L, first.Value.SinceMs);
        Assert.Null(again);
        Assert.Equal(["a@x"], both!.Value.Streams);
        Assert.Equal(500L, both.Value.SinceMs);
        Assert.Equal(2_000, resumed);
        Assert.Null(resumedAgain);
    }

    [Fact]
    public void Should_forget_untracked_streams_and_ignore_unknown_ones()
    {
        // arrange
        var watchdog = new SilenceWatchdog(timeoutMs: 100);
        watchdog.Track(["a@x", "b@x"], nowMs: 0);

        // act
        watchdog.Untrack(["a@x"]);
        var silent = watchdog.Check(1_000);
        var unknown = watchdog.Seen("c@x", 1_000);

        // assert
        Assert.Equal(["b@x"], silent!.Value.Streams);
        Assert.Null(unknown);
    }
}
