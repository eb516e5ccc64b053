using Rari.Backtest.Engine;

namespace Rari.Backtest.Tests.Engine;

/// <summary>The engine's own cost per bar, measured with a strategy that decides nothing.</summary>
public sealed class HotPathSpecs
{
    [Fact]
    public void Should_allocate_nothing_per_bar_where_nothing_happens_but_the_samples()
    {
        // arrange: ten days of BTC; a first run warms the JIT and the runtime's caches up
        var market = Backtests.Market(Backtests.BtcRange, days: 10);
        BacktestSetup Setup() => new([market], Backtests.Settings, m => new IdleStrategy(m.Symbol));
        new BacktestEngine(Setup()).Run();
        var engine = new BacktestEngine(Setup());

        // act
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = engine.Run();
        var perBar = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / result.Klines;

        // assert: the strategy context is a value now (as a class it was about 160 bytes a bar); what is left is the
        // equity and price samples every 5 bars and the report built at the end (39 bytes a bar measured)
        Assert.InRange(perBar, 0, 60);
        Assert.Equal(0, result.Totals.Fills);
    }
}
