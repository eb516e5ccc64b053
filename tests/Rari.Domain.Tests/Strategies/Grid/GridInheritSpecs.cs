using System.Globalization;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>
/// The grid taking over a position from the hybrid strategy. The default harness grid at 30,000 has arithmetic levels
/// 600 apart (27,000 to 32,400 in the window, the lattice going on beyond), 50 USDT a rung, and a fee-paying step of
/// 2 × 2 × 0.02 % + 0.05 % = 0.13 %.
/// </summary>
public sealed class GridInheritSpecs
{
    private static OrderIntent[] Exits(StrategyDecision decision) =>
        GridHarness.Placed(decision).Where(o => o.ReduceOnly).ToArray();

    [Fact]
    public void Should_sell_an_inherited_long_back_at_lattice_levels_above_its_entry_before_building_its_window()
    {
        // arrange
        var harness = new GridHarness();
        harness.Inherit(0.005m, 30_000m);

        // act
        var decision = harness.Bar(30_000m);

        // assert
        Assert.IsType<GridInventoryAssigned>(decision.Events[0]);
        Assert.IsType<GridStarted>(decision.Events[1]);
        var assigned = (GridInventoryAssigned)decision.Events[0];
        Assert.Equal("inherited long 0.005 at 30000: take profit in 5 parts from 30600.0 to 33000.0", assigned.Reason);
        Assert.All(assigned.Rungs, r => Assert.Equal((0.001m, 30m, GridCellKind.Long), (r.HoldingQuantity, r.HoldingCost, r.Rung.Kind)));
        var exits = Exits(decision);
        Assert.Equal([30_600m, 31_200m, 31_800m, 32_400m, 33_000m], exits.Select(e => e.Price!.Value)); // <--
        Assert.All(exits, e => Assert.Equal((OrderSide.Sell, OrderType.Limit, 0.001m), (e.Side, e.Type, e.Quantity!.Value)));
        Assert.Equal(exits, GridHarness.Placed(decision).Take(5)); // exits go first, before any entry
        Assert.Equal([27_000m, 27_600m, 28_200m, 28_800m, 29_400m], harness.OpenPrices(OrderSide.Buy));
        Assert.Equal((GridPhase.Running, 0.005m, 150m), (harness.State.Phase, harness.State.Inventory, harness.State.InventoryCost));
        Assert.Equal(0m, harness.State.InheritedQuantity);
        Assert.Equal(5, harness.State.Cells.Count(c => c.Retired));
    }

    [Fact]
    public void Should_sell_an_inherited_long_that_is_under_water_only_above_its_entry_beyond_the_window()
    {
        // arrange
        var harness = new GridHarness();
        harness.Inherit(0.003m, 32_000m);

        // act
        var decision = harness.Bar(30_000m);

        // assert: 32,000 × 1.0013 = 32,041.6, so the first exit is at 32,400
        Assert.Equal([32_400m, 33_000m, 33_600m], Exits(decision).Select(e => e.Price!.Value));
        Assert.Equal((96m, -6m), (harness.State.InventoryCost, harness.State.UnrealizedPnl(30_000m)));
        Assert.Equal((0m, -3m), (harness.State.RunPnl(30_000m), harness.State.RunPnl(29_000m))); // the PnL stops measure from the hand-over
    }

    [Fact]
    public void Should_buy_an_inherited_short_back_at_lattice_levels_below_its_entry()
    {
        // arrange
        var harness = new GridHarness();
        harness.Inherit(-0.002m, 30_000m);

        // act
        var decision = harness.Bar(30_000m);

        // assert: 30,000 × 0.9987 = 29,961, so the first exit is at 29,400
        var exits = Exits(decision);
        Assert.Equal([28_800m, 29_400m], exits.Select(e => e.Price!.Value));
        Assert.All(exits, e => Assert.Equal((OrderSide.Buy, 0.001m), (e.Side, e.Quantity!.Value)));
        Assert.Equal((-0.002m, -60m), (harness.State.Inventory, harness.State.InventoryCost));
    }

    [Fact]
    public void Should_count_a_filled_inherited_take_profit_as_a_round_trip_and_drop_its_rung()
    {
        // arrange
        var harness = new GridHarness();
        harness.Inherit(0.005m, 30_000m);
        harness.Bar(30_000m);
        var nearest = harness.Open.Values.Single(o => o.ReduceOnly && o.Price == 30_600m);

        // act
        var decision = harness.Fill(nearest.ClientOrderId, fee: 0.006m);

        // assert
        Assert.Empty(decision.Commands); // a retired rung is not re-armed
        Assert.Equal((1, 0.6m), (harness.State.RoundTrips, harness.State.RealizedPnl));
        Assert.Equal((0.004m, 120m), (harness.State.Inventory, harness.State.InventoryCost));
        Assert.Equal(4, harness.State.Cells.Count(c => c.Retired));
    }

    [Fact]
    public void Should_send_the_exits_even_while_reducing_and_build_its_window_once_active()
    {
        // arrange
        var harness = new GridHarness { TradingState = TradingState.Reducing };
        harness.Inherit(0.002m, 30_000m);

        // act
        var reducing = harness.Bar(30_000m);
        harness.TradingState = TradingState.Active;
        var active = harness.Bar(30_000m);

        // assert
        Assert.Equal([30_600m, 31_200m], GridHarness.Placed(reducing).Select(e => e.Price!.Value));
        Assert.All(GridHarness.Placed(reducing), e => Assert.True(e.ReduceOnly));
        Assert.Empty(reducing.Events.OfType<GridStarted>());
        Assert.Single(active.Events.OfType<GridStarted>());
        Assert.DoesNotContain(active.Events, e => e is GridInventoryAssigned);
        Assert.All(GridHarness.Placed(active), e => Assert.False(e.ReduceOnly));
    }

    [Fact]
    public void Should_count_the_inherited_position_in_the_feasibility_check_and_keep_its_exits_when_refused()
    {
        // arrange: 0.3 BTC at 30,000 is 9,000 USDT, with the window's buys 9,141 USDT: 1,828.2 of margin at 5x
        var harness = new GridHarness { Equity = 1_000m };
        harness.Inherit(0.3m, 30_000m);

        // act
        var decision = harness.Bar(30_000m);

        // assert
        Assert.Equal(GridRefusalCode.InsufficientMargin, GridHarness.Single<GridRefused>(decision).Refusal.Code);
        Assert.Equal("the worst-case inventory of 9141.0000 USDT needs 1828.2000 USDT of initial margin at 5x, but equity is 1000 USDT", GridHarness.Single<GridRefused>(decision).Refusal.Reason);
        var exits = Exits(decision);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => 30_600m + (600m * i)), exits.Select(e => e.Price!.Value)); // <--
        Assert.Equal([0.036m, 0.033m, 0.033m, 0.033m, 0.033m, 0.033m, 0.033m, 0.033m, 0.033m], exits.Select(e => e.Quantity!.Value));
        Assert.Equal(GridHarness.Placed(decision).Count, exits.Length);
        Assert.Equal(GridPhase.Refused, harness.State.Phase);
        Assert.Empty(harness.Bars(5, 30_000m));
    }

    [Fact]
    public void Should_close_an_inherited_position_at_market_when_stopped_for_good()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { CooldownBars = null });
        harness.Bar(30_000m);
        harness.Bar(25_000m);
        harness.ConfirmCancels();
        harness.Release();

        // act
        harness.Inherit(0.002m, 26_000m);
        var decision = harness.Bar(25_000m);

        // assert
        var close = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Sell, OrderType.Market, 0.002m, true), (close.Side, close.Type, close.Quantity!.Value, close.ReduceOnly));
        Assert.Equal(GridPhase.Stopped, harness.State.Phase);
    }

    [Fact]
    public void Should_refuse_to_inherit_while_it_holds_inventory_or_has_orders()
    {
        // arrange
        var running = new GridHarness();
        running.Bar(30_000m);
        var holding = new GridHarness();
        holding.Inherit(0.001m, 30_000m);

        // act and assert
        Assert.Throws<InvalidOperationException>(() => running.Strategy.InheritPosition(0.001m, 30_000m, running.Now));
        Assert.Throws<InvalidOperationException>(() => holding.Strategy.InheritPosition(0.001m, 30_000m, holding.Now));
        var direct = new GridInventoryInherited(running.Strategy.Id, running.Strategy.Symbol, running.Now, 0.001m, 30_000m);
        Assert.Throws<InvalidOperationException>(() => running.Strategy.Apply(direct)); // the fold guards the journal too
        Assert.Throws<ArgumentOutOfRangeException>(() => new GridHarness().Strategy.InheritPosition(0m, 30_000m, 0));
    }

    [Fact]
    public void Should_rebuild_an_equal_state_from_the_journal_and_from_a_snapshot_after_releases_and_inheritances()
    {
        // arrange
        var harness = new GridHarness();
        harness.Bar(30_000m);
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId, fee: 0.005m);
        harness.Release();
        harness.Inherit(-0.004m, 30_500m);
        harness.Bar(30_200m);
        harness.Fill(harness.Open.Values.First(o => o.ReduceOnly).ClientOrderId, fee: 0.004m);
        harness.Bar(30_100m);

        // act
        var replayed = new GridStrategy(harness.Strategy.Id, harness.Strategy.Symbol, harness.Settings);
        foreach (var strategyEvent in harness.Journal)
        {
            replayed.Apply(strategyEvent);
        }

        var restored = new GridStrategy(harness.Strategy.Id, harness.Strategy.Symbol, harness.Settings);
        restored.Restore(harness.Strategy.Snapshot());

        // assert
        Assert.Equal(harness.Strategy.Snapshot(), replayed.Snapshot()); // <--
        Assert.Equal(harness.Strategy.Snapshot(), restored.Snapshot());
        Assert.Equal(harness.Strategy.OpenOrders.OrderBy(i => i.Value), replayed.OpenOrders.OrderBy(i => i.Value));
        Assert.Contains(harness.Journal, e => e is GridInventoryReleased);
        Assert.Contains(harness.Journal, e => e is GridInventoryAssigned);
        Assert.Equal(1, harness.State.RoundTrips);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_give_every_inherited_position_complete_valid_exits_beyond_its_entry_and_the_price(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 150; run++)
        {
            // arrange
            var instrument = random.Next(2) == 0 ? TestInstruments.BtcUsdt : TestInstruments.EthUsdt;
            var price = instrument == TestInstruments.BtcUsdt ? 20_000m + random.Next(400_000) / 10m : 1_000m + random.Next(300_000) / 100m;
            var settings = GridSettings.Default with
            {
                SpacingMode = random.Next(2) == 0 ? GridSpacingMode.Arithmetic : GridSpacingMode.Geometric,
                LevelCount = random.Next(3, 21),
                Spacing = 0.002m + (random.Next(0, 280) / 10_000m),
                NotionalPerLevel = 20m + random.Next(0, 200),
            };
            var entry = instrument.RoundPrice(price * (1m + ((random.Next(0, 1_601) - 800) / 10_000m)), TickRounding.Nearest);
            var quantity = (random.Next(2) == 0 ? 1m : -1m) * random.Next(1, 2_000) / 1_000m;
            var harness = new GridHarness(settings, instrument) { Equity = 1_000_000m };
            harness.Inherit(quantity, entry);

            // act
            var decision = harness.Bar(price);

            // assert
            var what = string.Create(CultureInfo.InvariantCulture, $"run {run}: {quantity} at {entry}, price {price}, {settings}");
            var assigned = GridHarness.Single<GridInventoryAssigned>(decision);
            Assert.True(assigned.Rungs.Sum(r => r.HoldingQuantity) == quantity, what);
            Assert.True(assigned.Rungs.Sum(r => r.HoldingCost) == quantity * entry, what);
            Assert.True(assigned.Rungs.Count <= settings.LevelCount - 1, what);
            var exits = Exits(decision);
            Assert.True(exits.Sum(e => e.Quantity!.Value) == Math.Abs(quantity), what);
            foreach (var exit in exits)
            {
                var beyond = quantity > 0m
                    ? exit.Side == OrderSide.Sell && exit.Price > Math.Max(entry, price)
                    : exit.Side == OrderSide.Buy && exit.Price < Math.Min(entry, price);
                Assert.True(beyond, $"{what}: exit {exit.Side} at {exit.Price}");
                var check = new OrderCheck(exit.Side, exit.Type, exit.Price, null, exit.Quantity, exit.ReduceOnly) { MarkPrice = price };
                Assert.Null(InstrumentRules.Validate(instrument, check));
            }

            Assert.Equal(quantity, harness.State.Inventory);
        }
    }
}
