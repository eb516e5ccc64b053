using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridFeasibilitySpecs
{
    [Fact]
    public void Should_accept_the_default_grid_on_a_healthy_account()
    {
        // arrange
        var harness = new GridHarness(GridSettings.Default);

        // act
        var decision = harness.Bar(30_000m);

        // assert
        Assert.IsType<GridStarted>(decision.Events[0]);
        Assert.Equal(GridPhase.Running, harness.State.Phase);
    }

    [Fact]
    public void Should_refuse_a_step_that_does_not_pay_the_round_trip_fees_and_the_margin()
    {
        // arrange: required 2 × (2 × 0.02 %) + 0.05 % = 0.13 %; 0.1 % is not enough
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Spacing = 0.001m, NotionalPerLevel = 100m });

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert
        Assert.Equal(GridRefusalCode.StepBelowFees, refused.Refusal.Code);
        Assert.Equal(
            "the step from 29850.0 to 29880.0 is 0.1005 %, below 2 × the round-trip fee 0.04 % + margin 0.05 % = 0.13 %",
            refused.Refusal.Reason);
        Assert.Empty(harness.Open);
        Assert.Equal(GridPhase.Refused, harness.State.Phase);
    }

    [Fact]
    public void Should_refuse_a_level_whose_quantity_rounds_below_the_minimum_notional()
    {
        // arrange: 30 USDT at 27,000 is 0.00111 BTC, rounded down to 0.001, worth 27 USDT; a 28 USDT minimum refuses it
        var instrument = TestInstruments.BtcUsdt with { MinNotional = new Rari.Domain.Instruments.MinNotionalFilter(28m) };
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 30m }, instrument);

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert
        Assert.Equal(GridRefusalCode.QuantityBelowMinimum, refused.Refusal.Code);
        Assert.StartsWith("rung -5 entry (Buy 0.001 at 27000.0, 30 USDT rounded down to the step): notional 27.0000", refused.Refusal.Reason);
    }

    [Fact]
    public void Should_refuse_a_level_whose_quantity_rounds_to_nothing()
    {
        // arrange: 2 USDT buys 0.00007 BTC, below the 0.001 step
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 2m });

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert
        Assert.Equal(GridRefusalCode.QuantityBelowMinimum, refused.Refusal.Code);
        Assert.Contains("quantity 0", refused.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_more_rungs_than_the_instrument_allows_open_orders()
    {
        // arrange
        var instrument = TestInstruments.BtcUsdt with { MaxNumOrders = 8 };
        var harness = new GridHarness(GridHarness.ArithmeticNeutral, instrument);

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert
        Assert.Equal(GridRefusalCode.TooManyOrders, refused.Refusal.Code);
        Assert.Equal("the grid needs up to 9 open orders (one per rung) but at most 8 are allowed (MAX_NUM_ORDERS)", refused.Refusal.Reason);
    }

    [Fact]
    public void Should_refuse_a_worst_case_inventory_the_equity_cannot_margin()
    {
        // arrange: buys of 0.011 at 27,000 and 0.010 at 27,600 to 29,400 are 1,437 USDT; at 2x that needs 718.5 USDT
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m }) { Equity = 700m, Leverage = 2 };

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert
        Assert.Equal(GridRefusalCode.InsufficientMargin, refused.Refusal.Code);
        Assert.Equal(
            "the worst-case inventory of 1437.0000 USDT needs 718.5000 USDT of initial margin at 2x, but equity is 700 USDT",
            refused.Refusal.Reason);
    }

    [Fact]
    public void Should_refuse_a_grid_whose_worst_case_inventory_is_liquidated_inside_the_range()
    {
        // arrange: 0.104 BTC (2,929.8 USDT) bought from 27,000 to 29,400 on 100 USDT of equity at 50x, no price stop
        var settings = GridHarness.ArithmeticNeutral with { NotionalPerLevel = 600m, StopLossDistance = null };
        var harness = new GridHarness(settings) { Equity = 100m, Leverage = 50 };

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert: (100 − 2,929.8) / (0.104 × 0.004 − 0.104) = 27,318.8909...
        Assert.Equal(GridRefusalCode.LiquidationInsideRange, refused.Refusal.Code);
        Assert.Equal(
            "with all 5 buy levels filled the grid would hold 0.104 at an average of 28171.1538 and be liquidated near 27318.8909, " +
            "inside the grid range 27000.0 to 32400.0; equity 100 USDT",
            refused.Refusal.Reason);
    }

    [Fact]
    public void Should_refuse_a_grid_liquidated_before_its_stop_loss_fires()
    {
        // arrange: the same inventory on 300 USDT liquidates near 25,388, above the stop 10 % below 27,000 = 24,300
        var settings = GridHarness.ArithmeticNeutral with { NotionalPerLevel = 600m, StopLossDistance = 0.1m };
        var harness = new GridHarness(settings) { Equity = 300m, Leverage = 20 };

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert
        Assert.Equal(GridRefusalCode.LiquidationInsideRange, refused.Refusal.Code);
        Assert.Contains("before the stop-loss at 24300.00 (10 % beyond the range edge 27000.0)", refused.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_check_a_short_grid_against_a_liquidation_above_its_range()
    {
        // arrange: all nine short rungs (28,200 to 33,000) filled hold −0.173 BTC for 5,280 USDT, on 150 USDT of equity
        var settings = GridHarness.ArithmeticNeutral with { Direction = GridDirection.Short, NotionalPerLevel = 600m, StopLossDistance = null };
        var harness = new GridHarness(settings) { Equity = 150m, Leverage = 50 };

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(30_000m));

        // assert: (150 + 5,280) / (0.173 × 0.004 + 0.173) = 31,262.2343...
        Assert.Equal(GridRefusalCode.LiquidationInsideRange, refused.Refusal.Code);
        Assert.Equal(
            "with all 9 sell levels filled the grid would hold -0.173 at an average of 30520.2312 and be liquidated near 31262.2343, " +
            "inside the grid range 27600.0 to 33000.0; equity 150 USDT",
            refused.Refusal.Reason);
    }

    [Fact]
    public void Should_not_check_a_side_whose_worst_case_still_holds_the_carried_opposite_inventory()
    {
        // arrange: the grid carries 0.5 BTC short at 30,000; its five buys filled would still leave it 0.495 short
        var harness = new GridHarness(GridHarness.ArithmeticNeutral);
        var plan = GridHarness.Single<GridStarted>(harness.Bar(30_000m)).Plan;
        var healthy = TestStrategyContexts.For(TestInstruments.BtcUsdt, equity: 10_000m);
        var thin = TestStrategyContexts.For(TestInstruments.BtcUsdt, equity: 1_000m, leverage: 50);

        // act
        var accepted = GridFeasibility.Check(plan, harness.Settings, healthy, -0.5m, -15_000m);
        var refused = GridFeasibility.Check(plan, harness.Settings, thin, -0.5m, -15_000m);

        // assert
        Assert.Null(accepted); // <-- a falling price fills the buys and only helps the short
        Assert.Equal(GridRefusalCode.LiquidationInsideRange, refused!.Code);
        Assert.StartsWith("with all 4 sell levels filled the grid would hold -0.504", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_levels_that_collapse_onto_the_same_tick()
    {
        // arrange: 0.15 % steps on a 0.0001-tick coin priced at 0.02 are 0.00003, less than a tick
        var instrument = TestInstruments.SuiUsdt;
        var settings = GridSettings.Default with { Spacing = 0.0015m, NotionalPerLevel = 1_000m };
        var harness = new GridHarness(settings, instrument);

        // act
        var refused = GridHarness.Single<GridRefused>(harness.Bar(0.02m));

        // assert
        Assert.Equal(GridRefusalCode.InvalidLevels, refused.Refusal.Code);
        Assert.Contains("the spacing is too fine for this price", refused.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_be_a_pure_function_of_its_inputs()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral);
        var plan = GridHarness.Single<GridStarted>(harness.Bar(30_000m)).Plan;
        var poor = TestStrategyContexts.For(TestInstruments.BtcUsdt, equity: 10m);

        // act
        var first = GridFeasibility.Check(plan, harness.Settings, poor);
        var second = GridFeasibility.Check(plan, harness.Settings, poor);
        var healthy = GridFeasibility.Check(plan, harness.Settings, TestStrategyContexts.For(TestInstruments.BtcUsdt));

        // assert
        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Null(healthy);
    }

    [Fact]
    public void Should_journal_a_refusal_once_and_retry_only_after_the_configured_bars()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { RefusalRetryBars = 10 }) { Equity = 1m };

        // act
        var first = harness.Bar(30_000m);
        var quiet = harness.Bars(20, 30_000m);
        harness.Equity = 10_000m;
        var afterRecovery = harness.Bars(10, 30_000m);

        // assert
        Assert.IsType<GridRefused>(Assert.Single(first.Events));
        Assert.Empty(quiet); // <-- the same refusal is not journaled again
        var started = Assert.Single(afterRecovery);
        Assert.IsType<GridStarted>(started.Events[0]);
        Assert.Equal("retry after a refusal", GridHarness.Single<GridStarted>(started).Reason[..21]);
    }

    [Fact]
    public void Should_journal_a_new_refusal_when_the_reason_changes()
    {
        // arrange
        var settings = GridHarness.ArithmeticNeutral with { RefusalRetryBars = 1, NotionalPerLevel = 600m, StopLossDistance = null };
        var harness = new GridHarness(settings) { Equity = 1m };
        harness.Bar(30_000m);

        // act
        harness.Equity = 100m;
        harness.Leverage = 50;
        var decision = harness.Bar(30_000m);

        // assert
        Assert.Equal(GridRefusalCode.InsufficientMargin, harness.Journal.OfType<GridRefused>().First().Refusal.Code);
        Assert.Equal(GridRefusalCode.LiquidationInsideRange, GridHarness.Single<GridRefused>(decision).Refusal.Code);
        Assert.Equal(2, harness.Journal.OfType<GridRefused>().Count());
    }
}
