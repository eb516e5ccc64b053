using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

/// <summary>
/// The hybrid over seven weeks of real ETHUSDT minutes with the production regime detector, the real volatility strategy
/// and a stand-in grid (one resting buy far below the market), through the fill simulator.
/// </summary>
public sealed class HybridRecordedDataSpecs
{
    private const string EthFile = "klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz";

    private static readonly Lazy<Kline[]> Bars = new(() => KlineCsvReader.Read(SharedData.File(EthFile)).ToArray());

    private static (StrategyFillSimulator Simulator, HybridStrategy Hybrid, List<string> Problems) Run(HybridSettings settings)
    {
        var volatility = new VolatilityStrategy(VolId, Eth, VolatilitySettings.Default);
        var grid = new ObservingFakeChild("grid");
        var hybrid = new HybridStrategy(new StrategyId("hybrid"), Eth, grid, volatility, settings);
        var bars = Bars.Value;
        var warmUp = (int)settings.Regime.WarmUpBars;
        hybrid.WarmUp(bars.Take(warmUp));
        var simulator = new StrategyFillSimulator(hybrid, TestInstruments.EthUsdt);
        var problems = new List<string>();
        simulator.AfterBar = bar =>
        {
            if (grid.OpenOrders.Count > 0 && volatility.OpenOrders.Count > 0)
            {
                problems.Add($"{bar.OpenTimeMs}: both children have live orders");
            }

            var state = volatility.State;
            var own = state.Direction == PositionDirection.Short ? -state.PositionQuantity : state.PositionQuantity;
            if (hybrid.State.Phase == HybridPhase.Running && own != simulator.Position)
            {
                problems.Add($"{bar.OpenTimeMs}: volatility holds {own}, venue {simulator.Position}");
            }

            var covered = simulator.Working.Any(o => o.ReduceOnly && o.Type is OrderType.StopMarket or OrderType.Market)
                || state.Phase == VolatilityPhase.Entering
                || hybrid.State.Phase is HybridPhase.Draining or HybridPhase.Closing;
            if (simulator.Position != 0m && !covered)
            {
                problems.Add($"{bar.OpenTimeMs}: position {simulator.Position} without a stop or a closing order");
            }
        };
        simulator.Run(bars.Skip(warmUp));
        return (simulator, hybrid, problems);
    }

    private static IEnumerable<T> Inner<T>(StrategyFillSimulator simulator) =>
        simulator.Driver.Events.OfType<ChildDecided>().Select(c => c.Inner).OfType<T>();

    [Fact]
    public void Should_switch_between_its_children_on_real_data_without_ever_breaking_a_rule()
    {
        // act
        var (simulator, hybrid, problems) = Run(HybridSettings.Default);

        // assert
        Assert.Empty(simulator.Violations);
        Assert.Empty(problems); // <--
        var events = simulator.Driver.Events;
        var switches = events.OfType<RegimeSwitched>().ToArray();
        Assert.True(switches.Count(s => s.Outgoing != s.Incoming) >= 20, $"only {switches.Length} switches");
        Assert.Contains(switches, s => s.To == MarketRegime.Extreme);
        Assert.True(Inner<PositionClosed>(simulator).Count() >= 20);
        Assert.NotEmpty(events.OfType<ExposureCloseOrdered>());
        Assert.DoesNotContain(events.OfType<SwitchCompleted>(), s => s.TimedOut); // every cancel was confirmed first
        Assert.NotEmpty(Inner<FakeOrderPlaced>(simulator));
        Assert.All(simulator.Placed.Where(o => o.StrategyId == hybrid.Id), o => Assert.True(o.ReduceOnly));
    }

    [Fact]
    public void Should_close_everything_in_extremes_when_configured_and_still_break_no_rule()
    {
        // act
        var (simulator, hybrid, problems) = Run(HybridSettings.Default with { OnExtreme = ExtremeAction.Close });

        // assert
        Assert.Empty(simulator.Violations);
        Assert.Empty(problems);
        Assert.Contains(simulator.Driver.Events.OfType<SwitchCompleted>(), s => s.Active == HybridLeg.None);
        var fresh = new HybridStrategy(
            hybrid.Id, Eth, new ObservingFakeChild("grid"), new VolatilityStrategy(VolId, Eth, VolatilitySettings.Default), HybridSettings.Default with { OnExtreme = ExtremeAction.Close });
        foreach (var strategyEvent in simulator.Driver.Events)
        {
            fresh.Apply(strategyEvent);
        }

        Assert.Equal(hybrid.Snapshot(), fresh.Snapshot()); // the journal rebuilds the state
    }
}
