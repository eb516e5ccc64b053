using Rari.Domain.Market;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>A grid sees every bar of its symbol; a bar that changes nothing must cost no garbage.</summary>
public sealed class GridAllocationSpecs
{
    public static TheoryData<string> Cases => ["fixed", "volatility", "reducing", "halted", "warming", "standby"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_allocate_nothing_on_bars_with_nothing_to_decide(string name)
    {
        // arrange
        var settings = name == "volatility"
            ? GridSettings.Default with { RangeSource = GridRangeSource.Volatility, VolatilityWindow = 14, NotionalPerLevel = 100m, StopLossAmount = 1_000m }
            : GridHarness.ArithmeticNeutral with { TakeProfitAmount = 1_000m, StopLossAmount = 1_000m };
        var harness = new GridHarness(settings);
        var warmingUp = name == "warming";
        if (warmingUp)
        {
            harness.TradingState = TradingState.Reducing;
        }

        var idle = Enumerable.Range(0, 1_000)
            .Select(i => new Kline(harness.Now + (i * GridHarness.BarMs), 30_000m, 30_010m, 29_990m, 30_000m + (i % 3), 1m))
            .ToArray();
        for (var i = 0; i < 20; i++)
        {
            harness.Bar(30_000m, 30_010m, 29_990m, 30_000m);
        }

        Assert.Equal(warmingUp ? GridPhase.WarmingUp : GridPhase.Running, harness.State.Phase);
        if (name == "standby")
        {
            harness.Release();
        }

        harness.TradingState = name switch
        {
            "reducing" or "standby" => TradingState.Reducing,
            "halted" => TradingState.Halted,
            _ => harness.TradingState,
        };
        harness.Bar(30_000m);
        Assert.Equal(name == "standby", harness.State.Phase == GridPhase.Standby);
        var context = harness.Context();
        for (var pass = 0; pass < 3; pass++)
        {
            // Runs every path often enough for the JIT to finish tiering up before anything is measured.
            for (var i = 0; i < idle.Length; i++)
            {
                Assert.True(harness.Strategy.OnKline(idle[i], context).IsEmpty);
            }
        }

        // act: the least of three measurements, because the runtime's own tier-up work can land in one of them when
        // other tests keep the machine busy; an allocation on the path itself would show in every one (1,000 bars each).
        var allocated = long.MaxValue;
        for (var measurement = 0; measurement < 3; measurement++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < idle.Length; i++)
            {
                harness.Strategy.OnKline(idle[i], context);
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // assert
        Assert.Equal(0, allocated); // <--
        Assert.Same(StrategyDecision.None, harness.Strategy.OnKline(idle[0], context));
    }
}
