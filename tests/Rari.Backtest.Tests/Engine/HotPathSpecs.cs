using Rari.Backtest.Engine;

namespace Rari.Backtest.Tests.Engine;

/// <summary>The engine's own cost per bar, measured with a strategy that decides nothing.</summary>
public sealed class HotPathSpecs
{
    [Fact]
    public void Should_allocate_only_the_strategy_context_on_a_bar_where_nothing_happens()
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

        // assert: a StrategyContext is about 170 bytes; equity and price samples every 5 bars add a little
        Assert.InRange(perBar, 100, 260);
        Assert.Equal(0, result.Totals.Fills);
    }
}
