using System.Globalization;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

/// <summary>
/// The hybrid over seven weeks of real ETHUSDT minutes with the production regime detector and both real children: the
/// grid (a volatility-sized neutral grid) and the volatility strategy, through the shared fill simulator. Every bar is
/// checked against the switching rules; both position modes are run.
/// </summary>
public sealed class HybridRealChildrenSpecs
{
    private const string EthFile = "klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz";

    private static readonly Lazy<Kline[]> Bars = new(() => KlineCsvReader.Read(SharedData.File(EthFile)).ToArray());

    private static readonly Symbol Eth = TestInstruments.EthUsdt.Symbol;

    /// <summary>Ten geometric levels four ATRs either side of the price, 100 USDT each.</summary>
    private static readonly GridSettings GridConfig = GridSettings.Default with
    {
        RangeSource = GridRangeSource.Volatility,
        NotionalPerLevel = 100m,
    };

    private static Run Simulate(SwitchPositionMode mode)
    {
        var settings = HybridSettings.Default with { SwitchPosition = mode };
        var run = new Run(settings);
        run.Simulator.Run(Bars.Value.Skip((int)settings.Regime.WarmUpBars));
        return run;
    }

    [Theory]
    [InlineData(SwitchPositionMode.Close)]
    [InlineData(SwitchPositionMode.HandOver)]
    public void Should_switch_between_the_real_grid_and_volatility_strategies_without_ever_breaking_a_switching_rule(SwitchPositionMode mode)
    {
        // act
        var run = Simulate(mode);

        // assert
        Assert.Empty(run.Simulator.Violations);
        Assert.Empty(run.Problems); // <--
        var events = run.Simulator.Driver.Events;
        var switches = events.OfType<RegimeSwitched>().Where(s => s.Outgoing != s.Incoming).ToArray();
        Assert.True(switches.Count(s => s.Outgoing == HybridLeg.Grid) >= 10, $"{switches.Length} switches");
        Assert.True(switches.Count(s => s.Outgoing == HybridLeg.Volatility) >= 10, $"{switches.Length} switches");
        Assert.DoesNotContain(events.OfType<SwitchCompleted>(), s => s.TimedOut); // every cancel was confirmed first
        Assert.True(run.CheckedSwitches >= 20, $"{run.CheckedSwitches} switches with open orders checked");

        // It trades in both regimes: the grid completes round trips, the volatility strategy closes positions.
        Assert.True(run.Grid.State.RoundTrips >= 20, $"{run.Grid.State.RoundTrips} grid round trips");
        Assert.True(Inner<PositionClosed>(run).Count() >= 10, $"{Inner<PositionClosed>(run).Count()} volatility round trips");
        Assert.True(run.GridFillsWhileRanging > 0 && run.VolatilityFillsWhileTrending > 0);
        Assert.True(Inner<GridInventoryReleased>(run).Count() >= 10);
    }

    [Fact]
    public void Should_give_every_inherited_position_take_profits_beyond_its_entry_and_replay_to_the_same_state()
    {
        // act
        var run = Simulate(SwitchPositionMode.HandOver);

        // assert
        Assert.Empty(run.Problems);
        var inherited = Inner<GridInventoryInherited>(run).ToArray();
        Assert.True(inherited.Length >= 5, $"the grid inherited {inherited.Length} positions");
        Assert.NotEmpty(Inner<PositionInherited>(run)); // and handed positions on to the volatility strategy
        Assert.True(run.AssignedInheritances >= inherited.Length - 1, $"{run.AssignedInheritances} of {inherited.Length} inheritances got exits");

        var fresh = new Run(HybridSettings.Default with { SwitchPosition = SwitchPositionMode.HandOver });
        foreach (var strategyEvent in run.Simulator.Driver.Events)
        {
            fresh.Hybrid.Apply(strategyEvent);
        }

        Assert.Equal(run.Hybrid.Snapshot(), fresh.Hybrid.Snapshot()); // the journal rebuilds the grid's state too
    }

    private static IEnumerable<T> Inner<T>(Run run) =>
        run.Simulator.Driver.Events.OfType<ChildDecided>().Select(c => c.Inner).OfType<T>();

    /// <summary>One simulated run with its checks, made after every bar and before every decision on a bar.</summary>
    private sealed class Run
    {
        private readonly Dictionary<HybridLeg, HashSet<ClientOrderId>> _openBefore = [];
        private int _barStart;
        private int _inputsBefore;
        private long _lastSwitchMs;

        public Run(HybridSettings settings)
        {
            Grid = new GridStrategy(new StrategyId("grid"), Eth, GridConfig);
            Volatility = new VolatilityStrategy(new StrategyId("vol"), Eth, VolatilitySettings.Default);
            Hybrid = new HybridStrategy(new StrategyId("hybrid"), Eth, Grid, Volatility, settings);
            Hybrid.WarmUp(Bars.Value.Take((int)settings.Regime.WarmUpBars));
            Simulator = new StrategyFillSimulator(Hybrid, TestInstruments.EthUsdt);
            Simulator.BeforeKline = bar =>
            {
                CountFills();
                CheckOwnership(bar);
                _openBefore[HybridLeg.Grid] = [.. Grid.OpenOrders];
                _openBefore[HybridLeg.Volatility] = [.. Volatility.OpenOrders];
                _inputsBefore = Simulator.Driver.Inputs.Count;
            };
            Simulator.AfterBar = bar =>
            {
                CheckSwitch(bar);
                CheckOwnership(bar);
                CheckExits(bar);
                _barStart = Simulator.Driver.Inputs.Count;
            };
        }

        public GridStrategy Grid { get; }

        public VolatilityStrategy Volatility { get; }

        public HybridStrategy Hybrid { get; }

        public StrategyFillSimulator Simulator { get; }

        public List<string> Problems { get; } = [];

        public int CheckedSwitches { get; private set; }

        public int AssignedInheritances { get; private set; }

        public int GridFillsWhileRanging { get; private set; }

        public int VolatilityFillsWhileTrending { get; private set; }

        private decimal VolatilityPosition =>
            Volatility.State.Direction == PositionDirection.Short ? -Volatility.State.PositionQuantity : Volatility.State.PositionQuantity;

        // The bar's decision, then the reports it caused.
        private IEnumerable<StrategyDecision> BarDecisions() =>
            Simulator.Driver.Inputs.Skip(_inputsBefore).Select(i => i.Decision);

        // Fills are reported while the bar is matched, before the hybrid decides on it (and may switch).
        private void CountFills()
        {
            var regime = Hybrid.State.Regime;
            foreach (var inner in Simulator.Driver.Inputs.Skip(_barStart).SelectMany(i => i.Decision.Events).OfType<ChildDecided>().Select(c => c.Inner))
            {
                GridFillsWhileRanging += inner is GridOrderFilled && regime == MarketRegime.Ranging ? 1 : 0;
                VolatilityFillsWhileTrending += inner is FillRecorded && regime == MarketRegime.Trending ? 1 : 0;
            }
        }

        /// <summary>Every switch away from a child cancels all of that child's open orders in the very decision that starts it.</summary>
        private void CheckSwitch(in Kline bar)
        {
            var decision = Simulator.Driver.Inputs[_inputsBefore].Decision;
            foreach (var switched in decision.Events.OfType<RegimeSwitched>())
            {
                if (switched.Outgoing == switched.Incoming || switched.Outgoing == HybridLeg.None)
                {
                    continue;
                }

                var cancelled = decision.Commands.OfType<CancelOrder>().Select(c => c.ClientOrderId).ToHashSet();
                var open = _openBefore[switched.Outgoing];
                if (!open.IsSubsetOf(cancelled))
                {
                    Problem(bar, $"the switch away from {switched.Outgoing} left {string.Join(", ", open.Except(cancelled))} working");
                }

                CheckedSwitches += open.Count > 0 ? 1 : 0;
            }

            foreach (var completed in BarDecisions().SelectMany(d => d.Events).OfType<SwitchCompleted>())
            {
                _lastSwitchMs = completed.TimestampMs;
            }
        }

        /// <summary>Never both children with live orders; the position flat or owned by exactly one child (or being closed by the hybrid).</summary>
        private void CheckOwnership(in Kline bar)
        {
            var gridOrders = Simulator.Working.Count(o => o.StrategyId == Grid.Id);
            var volatilityOrders = Simulator.Working.Count(o => o.StrategyId == Volatility.Id);
            if ((Grid.OpenOrders.Count > 0 && Volatility.OpenOrders.Count > 0) || (gridOrders > 0 && volatilityOrders > 0))
            {
                Problem(bar, "both children have live orders");
            }

            var grid = Grid.State.Inventory;
            var volatility = VolatilityPosition;
            var position = Simulator.Position;
            if (grid != 0m && volatility != 0m)
            {
                Problem(bar, $"both children hold a position: grid {grid}, volatility {volatility}");
            }

            var state = Hybrid.State;
            if (state.Phase != HybridPhase.Running)
            {
                return;
            }

            // Running, the active child owns the whole position (none when no child is active).
            var (owned, other) = state.Active switch
            {
                HybridLeg.Grid => (grid, volatility),
                HybridLeg.Volatility => (volatility, grid),
                _ => (0m, grid != 0m ? grid : volatility),
            };
            if (owned != position || other != 0m)
            {
                Problem(bar, $"{state.Active} is active with {owned} (the other child {other}) but the venue holds {position}");
            }

            var active = state.Active == HybridLeg.None ? Hybrid.Id : Hybrid.Child(state.Active).Id;
            var stray = Simulator.Working.Where(o => o.StrategyId != Hybrid.Id && o.StrategyId != active).ToArray();
            if (stray.Length > 0)
            {
                Problem(bar, $"{string.Join(", ", stray.Select(o => o.ClientOrderId))} of an inactive child still work");
            }
        }

        /// <summary>Once the grid has decided on a bar, inventory it inherited is on take-profit rungs beyond the entry, each with its exit.</summary>
        private void CheckExits(in Kline bar)
        {
            foreach (var assigned in BarDecisions().SelectMany(d => d.Events).OfType<ChildDecided>().Select(c => c.Inner).OfType<GridInventoryAssigned>())
            {
                AssignedInheritances++;
                var ids = assigned.Rungs.Select(r => r.Rung.Id).ToHashSet();
                var exits = BarDecisions().SelectMany(d => d.Events).OfType<ChildDecided>().Select(c => c.Inner).OfType<GridOrderPlaced>()
                    .Where(p => ids.Contains(p.CellId)).ToArray();
                var quantity = assigned.Rungs.Sum(r => r.HoldingQuantity);
                var entry = assigned.Rungs.Sum(r => r.HoldingCost) / quantity;
                var beyond = exits.All(p => quantity > 0m ? p.Side == OrderSide.Sell && p.Price > entry : p.Side == OrderSide.Buy && p.Price < entry);
                if (exits.Length != assigned.Rungs.Count || exits.Sum(p => p.Quantity) != Math.Abs(quantity) || !beyond)
                {
                    Problem(bar, $"inherited {quantity} at {entry} got exits {string.Join(", ", exits.Select(p => $"{p.Side} {p.Quantity} at {p.Price}"))}");
                }
            }

            var closeMs = bar.OpenTimeMs + TestKlines.MinuteMs;
            var state = Hybrid.State;
            if (state.Phase == HybridPhase.Running && state.Active == HybridLeg.Grid && _lastSwitchMs < closeMs && Grid.State.InheritedQuantity != 0m)
            {
                Problem(bar, $"the grid decided but left {Grid.State.InheritedQuantity} inherited without exits");
            }
        }

        private void Problem(in Kline bar, string what) =>
            Problems.Add(string.Create(CultureInfo.InvariantCulture, $"{bar.OpenTimeMs}: {what}"));
    }
}
