using Rari.Domain.Data;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>Seven weeks of real ETHUSDT perpetual minutes (the May 2025 breakout and the June slide) through the fill simulator.</summary>
public sealed class VolatilityRecordedDataSpecs
{
    private const string EthFile = "klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz";
    private const int WarmUpBars = 300;

    private static readonly Lazy<Kline[]> Bars = new(() => KlineCsvReader.Read(SharedData.File(EthFile)).ToArray());

    private static (StrategyFillSimulator Simulator, VolatilityStrategy Strategy, List<string> Problems) Run(VolatilitySettings settings, int? count = null)
    {
        var strategy = new VolatilityStrategy(VolId, Eth, settings);
        var bars = Bars.Value;
        strategy.WarmUp(bars.Take(WarmUpBars));
        var simulator = new StrategyFillSimulator(strategy, TestInstruments.EthUsdt);
        var problems = new List<string>();
        simulator.AfterBar = bar =>
        {
            var state = strategy.State;
            var signedOwn = state.Direction == PositionDirection.Short ? -state.PositionQuantity : state.PositionQuantity;
            if (signedOwn != simulator.Position)
            {
                problems.Add($"{bar.OpenTimeMs}: strategy holds {signedOwn}, venue {simulator.Position}");
            }

            var working = simulator.Working;
            var protectedOrClosing = working.Any(o => o.ReduceOnly && o.Type is OrderType.StopMarket or OrderType.Market);
            var entering = state.Phase == VolatilityPhase.Entering;
            if (simulator.Position != 0m && !protectedOrClosing && !entering)
            {
                problems.Add($"{bar.OpenTimeMs}: position {simulator.Position} without a stop or a closing order");
            }
        };
        simulator.Run(bars.Skip(WarmUpBars).Take(count ?? int.MaxValue));
        return (simulator, strategy, problems);
    }

    [Fact]
    public void Should_trade_the_recorded_month_within_every_filter_cap_and_protection_rule()
    {
        // act
        var (simulator, strategy, problems) = Run(VolatilitySettings.Default);

        // assert
        Assert.Empty(simulator.Violations);
        Assert.Empty(problems);
        var events = simulator.Driver.Events;
        var entries = events.OfType<EntrySignalled>().ToArray();
        var closes = events.OfType<PositionClosed>().ToArray();
        Assert.True(closes.Length >= 50, $"only {closes.Length} round trips"); // <--
        Assert.All(entries, e => Assert.True(e.Order.Quantity!.Value * e.ReferencePrice <= VolatilitySettings.Default.MaxNotional));
        var largestEntry = entries.Max(e => e.Order.Quantity!.Value);
        Assert.True(simulator.Placed.Where(o => o.ReduceOnly).All(o => o.Quantity <= largestEntry));
        Assert.Contains(closes, c => c.Reason == ExitReason.StopLoss);
        Assert.Contains(closes, c => c.Reason == ExitReason.TakeProfit);
        Assert.Contains(closes, c => c.Reason == ExitReason.TimeExit);
        Assert.Contains(entries, e => e.Signal == SignalKind.Momentum);
        Assert.Contains(entries, e => e.Signal == SignalKind.MeanReversion);
        Assert.Equal(closes.Length, strategy.State.Stats.TradeCount);
        Assert.Equal(closes.Sum(c => c.RealizedPnl), strategy.State.RealizedPnl);
    }

    [Fact]
    public void Should_trail_and_size_with_atr_stops_and_limit_entries_within_the_rules()
    {
        // arrange
        var settings = VolatilitySettings.Default with
        {
            TrailingEnabled = true,
            StopDistance = StopDistanceMode.AtrMultiple,
            AtrStopMultiple = 20m,
            EntryOrder = EntryOrderStyle.MarketableLimit,
            Kelly = new() { Enabled = true, MinTrades = 10 },
        };

        // act
        var (simulator, _, problems) = Run(settings, 30_000);

        // assert
        Assert.Empty(simulator.Violations);
        Assert.Empty(problems);
        Assert.NotEmpty(simulator.Driver.Events.OfType<TrailingStopMoved>());
        Assert.True(simulator.Driver.Events.OfType<PositionClosed>().Count() >= 10);
    }

    [Fact]
    public void Should_decide_identically_on_two_runs_over_the_same_data()
    {
        // act
        var first = Run(VolatilitySettings.Default with { TrailingEnabled = true }, 15_000).Simulator.Driver;
        var second = Run(VolatilitySettings.Default with { TrailingEnabled = true }, 15_000).Simulator.Driver;

        // assert
        Assert.NotEmpty(first.Events);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Commands, second.Commands);
    }

    [Fact]
    public void Should_rebuild_the_same_state_by_replaying_the_journal_into_a_fresh_strategy()
    {
        // arrange
        var (simulator, strategy, _) = Run(VolatilitySettings.Default with { TrailingEnabled = true }, 20_000);
        var fresh = new VolatilityStrategy(VolId, Eth, VolatilitySettings.Default with { TrailingEnabled = true });

        // act
        foreach (var strategyEvent in simulator.Driver.Events)
        {
            fresh.Apply(strategyEvent);
        }

        // assert
        Assert.Equal(strategy.Snapshot(), fresh.Snapshot()); // <--
        Assert.Equal(strategy.OpenOrders, fresh.OpenOrders);
    }

    [Fact]
    public void Should_continue_identically_after_a_restore_from_a_snapshot_and_a_warm_up()
    {
        // arrange
        var settings = VolatilitySettings.Default with { TrailingEnabled = true };
        var (simulator, _, _) = Run(settings, 20_000);
        var inputs = simulator.Driver.Inputs;
        var cut = inputs.Count / 2;
        var replayed = new VolatilityStrategy(VolId, Eth, settings);
        replayed.WarmUp(Bars.Value.Take(WarmUpBars));
        for (var i = 0; i < cut; i++)
        {
            StrategyDriver.Replay(replayed, inputs[i].Input, inputs[i].Context);
        }

        var restored = new VolatilityStrategy(VolId, Eth, settings);
        restored.Restore(replayed.Snapshot());
        var barsSoFar = inputs.Take(cut).Select(i => i.Input).OfType<Kline>();
        restored.WarmUp(Bars.Value.Take(WarmUpBars).Concat(barsSoFar));

        // act and assert
        for (var i = cut; i < inputs.Count; i++)
        {
            var decision = StrategyDriver.Replay(restored, inputs[i].Input, inputs[i].Context);
            Assert.Equal(inputs[i].Decision.Events, decision.Events);
            Assert.Equal(inputs[i].Decision.Commands, decision.Commands);
        }
    }
}
