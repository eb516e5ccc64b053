using Rari.Domain.Market;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>OnKline runs on every bar of every symbol: a bar that decides nothing must allocate nothing.</summary>
public sealed class VolatilityAllocationSpecs
{
    private const int Bars = 20_000;

    private static long AllocatedOver(VolatilityStrategy strategy, int firstIndex, decimal price)
    {
        var context = Context(T0);
        for (var i = 0; i < 2_000; i++)
        {
            // Runs the idle path until the JIT has settled.
            Assert.True(strategy.OnKline(Bar(firstIndex + i, price), context).IsEmpty);
        }

        var checksum = 0;
        var next = firstIndex + 2_000;
        var allocated = Allocations.Minimum(() =>
        {
            for (var i = 0; i < Bars; i++)
            {
                var bar = new Kline(T0 + (next++ * MinuteMs), price, price, price, price, 1m);
                checksum += strategy.OnKline(bar, context).Events.Count;
            }
        });
        Assert.Equal(0, checksum);
        return allocated;
    }

    [Fact]
    public void Should_allocate_nothing_on_bars_without_a_signal_while_flat()
    {
        // arrange
        var strategy = new VolatilityStrategy(VolId, Eth, VolatilitySettings.Default);
        strategy.WarmUp(Enumerable.Range(0, 100).Select(i => Bar(i, 2000m)));

        // act
        var allocated = AllocatedOver(strategy, 100, 2000m);

        // assert
        Assert.Equal(0, allocated); // <--
        Assert.Equal(VolatilityPhase.Flat, strategy.State.Phase);
    }

    [Fact]
    public void Should_allocate_nothing_on_quiet_bars_while_in_a_protected_position()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true, MaxHoldingTime = TimeSpan.Zero });

        // act
        var allocated = AllocatedOver(scenario.Strategy, 12, 1970m);

        // assert
        Assert.Equal(0, allocated);
        Assert.Equal(VolatilityPhase.InPosition, scenario.Strategy.State.Phase);
    }
}
