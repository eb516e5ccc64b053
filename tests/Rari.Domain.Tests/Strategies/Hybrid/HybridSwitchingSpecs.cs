using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Tests.Strategies.Volatility;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

public sealed class HybridSwitchingSpecs
{
    private static readonly HybridSettings Patient = HybridSettings.Default with { CancelTimeout = TimeSpan.FromMinutes(5) };

    [Fact]
    public void Should_stay_idle_and_only_watch_while_the_regime_is_undetermined()
    {
        // arrange
        var fixture = new HybridFixture();

        // act
        var decisions = Enumerable.Range(0, 5).Select(_ => fixture.Bar()).ToArray();

        // assert
        Assert.All(decisions, d => Assert.True(d.IsEmpty));
        Assert.Equal(HybridPhase.Idle, fixture.Hybrid.State.Phase);
        Assert.Equal((0, 0), (fixture.Grid.Decided, fixture.Vol.Decided));
        Assert.Equal((5, 5), (fixture.GridChild.Observed, fixture.VolatilityFake.Observed));
        Assert.Equal(5, fixture.Regime.Updates);
    }

    [Fact]
    public void Should_activate_the_grid_on_a_ranging_market_and_let_it_decide_from_the_next_bar()
    {
        // arrange
        var fixture = new HybridFixture();

        // act
        var activation = fixture.Bar(MarketRegime.Ranging);
        var next = fixture.Bar();

        // assert
        Assert.Equal(
            [
                new RegimeSwitched(HybridFixture.HybridId, Eth, fixture.NowMs - MinuteMs, MarketRegime.Undetermined, MarketRegime.Ranging, "scripted Ranging", HybridLeg.None, HybridLeg.Grid, fixture.NowMs - MinuteMs + 30_000),
                new SwitchCompleted(HybridFixture.HybridId, Eth, fixture.NowMs - MinuteMs, HybridLeg.Grid, TimedOut: false),
            ],
            activation.Events);
        Assert.Empty(activation.Commands);
        var wrapped = Assert.IsType<ChildDecided>(Assert.Single(next.Events));
        Assert.IsType<FakeOrderPlaced>(wrapped.Inner);
        Assert.Single(next.Places());
        Assert.Equal(1, fixture.Grid.Decided); // only from the second bar
        Assert.Equal(0, fixture.Vol.Decided);
        Assert.Equal(HybridLeg.Grid, fixture.Hybrid.State.Active);
    }

    [Fact]
    public void Should_cancel_every_outgoing_order_and_start_the_incoming_child_only_after_the_cancels_are_confirmed()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();

        // act
        var switched = fixture.Bar(MarketRegime.Trending);
        var waiting = fixture.Bar();
        var decidedWhileDraining = fixture.Vol.Decided;
        var confirmed = fixture.Order(Canceled(gridOrder));
        var started = fixture.Bar();

        // assert
        var regimeSwitched = switched.Single<RegimeSwitched>();
        Assert.Equal((MarketRegime.Ranging, MarketRegime.Trending, HybridLeg.Grid, HybridLeg.Volatility), (regimeSwitched.From, regimeSwitched.To, regimeSwitched.Outgoing, regimeSwitched.Incoming));
        Assert.Equal(gridOrder.ClientOrderId, Assert.Single(switched.Cancels()).ClientOrderId); // <--
        Assert.Empty(switched.Places());
        Assert.True(waiting.IsEmpty);
        Assert.Equal(0, decidedWhileDraining); // nobody trades while draining
        Assert.Equal(
            [typeof(FakeOrderEnded), typeof(FakeReleased)],
            confirmed.Events.OfType<ChildDecided>().Select(c => c.Inner.GetType()));
        Assert.Equal(HybridLeg.Volatility, confirmed.Single<SwitchCompleted>().Active);
        Assert.Empty(confirmed.Commands);
        Assert.Equal(1, fixture.Vol.Decided);
        Assert.Single(started.Places());
        Assert.Empty(fixture.Grid.OpenOrders);
        Assert.Equal(1, fixture.Grid.State.Releases);
    }

    [Fact]
    public void Should_close_the_outgoing_position_at_market_before_the_incoming_child_starts()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.5m, entryPrice: 1990m);

        // act
        var confirmed = fixture.Order(Canceled(gridOrder), position: 0.5m, entryPrice: 1990m);
        var closing = fixture.Bar(position: 0.5m, entryPrice: 1990m);
        var close = confirmed.Single<ExposureCloseOrdered>().Order;
        var filled = fixture.Order(Filled(close, 0.5m, 2000m, tradeId: 5));

        // assert
        Assert.Equal(
            (Ids.Create(HybridFixture.HybridId, Eth, 1), OrderType.Market, OrderSide.Sell, 0.5m, true),
            (close.ClientOrderId, close.Type, close.Side, close.Quantity, close.ReduceOnly)); // <--
        Assert.Equal(close, Assert.Single(confirmed.Places()).Intent);
        Assert.Empty(confirmed.Events.OfType<SwitchCompleted>());
        Assert.True(closing.IsEmpty);
        Assert.Equal(0, fixture.Vol.Decided);
        Assert.Single(filled.Events.OfType<ExposureCloseFilled>());
        Assert.Equal(HybridLeg.Volatility, filled.Single<SwitchCompleted>().Active);
        Assert.Contains(close.ClientOrderId, fixture.Driver.Inputs.Select(i => (i.Input as IOrderEvent)?.ClientOrderId));
        Assert.Empty(fixture.Hybrid.OpenOrders);
    }

    [Fact]
    public void Should_buy_back_a_short_outgoing_position()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: -0.25m, entryPrice: 2010m);

        // act
        var confirmed = fixture.Order(Canceled(gridOrder), position: -0.25m, entryPrice: 2010m);

        // assert
        var close = confirmed.Single<ExposureCloseOrdered>().Order;
        Assert.Equal((OrderSide.Buy, 0.25m, true), (close.Side, close.Quantity, close.ReduceOnly));
    }

    [Fact]
    public void Should_retry_a_rejected_close_on_the_next_bar_and_complete_once_the_position_is_gone()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.5m, entryPrice: 1990m);
        var close = fixture.Order(Canceled(gridOrder), position: 0.5m, entryPrice: 1990m).Single<ExposureCloseOrdered>().Order;

        // act
        var rejected = fixture.Order(Rejected(close), position: 0.5m);
        var retry = fixture.Bar(position: 0.5m);
        var retryOrder = retry.Single<ExposureCloseOrdered>().Order;
        var gone = fixture.Order(new OrderExpired(Eth, retryOrder.ClientOrderId, T0), position: 0m);

        // assert
        Assert.Empty(rejected.Commands);
        Assert.Equal(Ids.Create(HybridFixture.HybridId, Eth, 2), retryOrder.ClientOrderId);
        Assert.Equal(HybridLeg.Volatility, gone.Single<SwitchCompleted>().Active);
    }

    [Fact]
    public void Should_hand_the_position_over_to_the_incoming_child_when_configured()
    {
        // arrange
        var fixture = new HybridFixture(Patient with { SwitchPosition = SwitchPositionMode.HandOver });
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.5m, entryPrice: 1990m);

        // act
        var confirmed = fixture.Order(Canceled(gridOrder), position: 0.5m, entryPrice: 1990m);

        // assert
        Assert.Equal(
            [typeof(FakeOrderEnded), typeof(FakeReleased), typeof(FakeInherited)],
            confirmed.Events.OfType<ChildDecided>().Select(c => c.Inner.GetType()));
        var inherited = (FakeInherited)confirmed.Events.OfType<ChildDecided>().Last().Inner;
        Assert.Equal((fixture.Vol.Id, 0.5m, 1990m), (inherited.StrategyId, inherited.Quantity, inherited.Price)); // <--
        Assert.Empty(confirmed.Commands);
        Assert.Equal(HybridLeg.Volatility, confirmed.Single<SwitchCompleted>().Active);
        Assert.Equal(0.5m, fixture.Vol.State.Position);
    }

    [Fact]
    public void Should_let_a_real_volatility_child_protect_a_handed_over_position_on_its_first_bar()
    {
        // arrange
        var volatility = new Rari.Domain.Strategies.Volatility.VolatilityStrategy(VolId, Eth, MeanReversionOnly);
        var fixture = new HybridFixture(Patient with { SwitchPosition = SwitchPositionMode.HandOver }, volatility);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.5m, entryPrice: 2000m);
        fixture.Order(Canceled(gridOrder), position: 0.5m, entryPrice: 2000m);

        // act
        var first = fixture.Bar(position: 0.5m, entryPrice: 2000m, close: 2001m);

        // assert
        var places = first.Places();
        Assert.Equal([1940m, 2100m], places.Select(p => p.Intent.StopPrice!.Value)); // 2000 × 0.97, 2000 × 1.05
        Assert.All(places, p => Assert.Equal((OrderSide.Sell, 0.5m, true), (p.Intent.Side, p.Intent.Quantity!.Value, p.Intent.ReduceOnly)));
        Assert.Equal(2, fixture.Hybrid.OpenOrders.Count);
    }

    [Fact]
    public void Should_proceed_after_the_cancel_timeout_and_resend_the_unconfirmed_cancels()
    {
        // arrange
        var fixture = new HybridFixture(HybridSettings.Default with { CancelTimeout = TimeSpan.FromSeconds(90) });
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending);

        // act
        var beforeDeadline = fixture.Bar(); // 60 s after the switch
        var atDeadline = fixture.Bar(); // 120 s after it

        // assert
        Assert.True(beforeDeadline.IsEmpty);
        Assert.Equal(gridOrder.ClientOrderId, Assert.Single(atDeadline.Cancels()).ClientOrderId); // <--
        Assert.True(atDeadline.Single<SwitchCompleted>().TimedOut);
        Assert.Equal(HybridLeg.Volatility, fixture.Hybrid.State.Active);
    }

    [Fact]
    public void Should_let_the_active_child_only_reduce_while_the_market_is_extreme()
    {
        // arrange
        var fixture = new HybridFixture();
        fixture.GridRunning();

        // act
        var extreme = fixture.Bar(MarketRegime.Extreme);
        var later = fixture.Bar();

        // assert
        var switched = extreme.Single<RegimeSwitched>();
        Assert.Equal((HybridLeg.Grid, HybridLeg.Grid), (switched.Outgoing, switched.Incoming));
        Assert.Empty(extreme.Commands); // nothing cancelled, nothing closed
        Assert.True(later.IsEmpty);
        Assert.Equal(TradingState.Reducing, fixture.Grid.LastKlineState); // <--
        Assert.Single(fixture.Grid.OpenOrders);
    }

    [Fact]
    public void Should_cancel_and_close_everything_while_extreme_when_configured_and_restart_when_it_passes()
    {
        // arrange
        var fixture = new HybridFixture(Patient with { OnExtreme = ExtremeAction.Close });
        var gridOrder = fixture.GridRunning();
        var extreme = fixture.Bar(MarketRegime.Extreme, position: 0.3m, entryPrice: 1995m);
        var close = fixture.Order(Canceled(gridOrder), position: 0.3m, entryPrice: 1995m).Single<ExposureCloseOrdered>().Order;
        var flat = fixture.Order(Filled(close, 0.3m, 1980m, tradeId: 9));

        // act
        var quiet = fixture.Bar();
        var trending = fixture.Bar(MarketRegime.Trending);

        // assert
        Assert.Equal(gridOrder.ClientOrderId, Assert.Single(extreme.Cancels()).ClientOrderId);
        Assert.Equal(HybridLeg.None, flat.Single<SwitchCompleted>().Active);
        Assert.True(quiet.IsEmpty);
        Assert.Equal(HybridLeg.Volatility, trending.Single<SwitchCompleted>().Active); // no outgoing: at once
        Assert.Equal(1, fixture.Grid.Decided); // once, before the extreme began
    }

    [Fact]
    public void Should_start_no_switch_while_halted()
    {
        // arrange
        var fixture = new HybridFixture();
        fixture.GridRunning();

        // act
        var halted = fixture.Bar(MarketRegime.Trending, state: TradingState.Halted);
        var resumed = fixture.Bar();

        // assert
        Assert.Empty(halted.Events.OfType<RegimeSwitched>());
        Assert.Empty(halted.Commands);
        Assert.Equal(TradingState.Halted, fixture.Grid.LastKlineState);
        Assert.Single(resumed.Events.OfType<RegimeSwitched>());
    }

    [Fact]
    public void Should_wait_for_the_halt_to_lift_before_closing_the_outgoing_position()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.5m, entryPrice: 1990m);

        // act
        var halted = fixture.Order(Canceled(gridOrder), position: 0.5m, entryPrice: 1990m, state: TradingState.Halted);
        var resumed = fixture.Bar(position: 0.5m, entryPrice: 1990m);

        // assert
        Assert.Empty(halted.Commands);
        Assert.DoesNotContain(halted.Events.OfType<ChildDecided>(), c => c.Inner is FakeReleased);
        Assert.Single(resumed.Places());
        Assert.Single(resumed.Events.OfType<ExposureCloseOrdered>());
    }

    [Fact]
    public void Should_route_the_outgoing_childs_late_events_to_it_under_a_halted_context()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending);

        // act
        var decision = fixture.Order(Filled(gridOrder, 0.1m, 1000m, tradeId: 3), position: 0.1m, entryPrice: 1000m);

        // assert
        Assert.Equal(TradingState.Halted, fixture.Grid.LastOrderEventState);
        Assert.IsType<FakeOrderEnded>(decision.Events.OfType<ChildDecided>().First().Inner);
    }

    [Fact]
    public void Should_ignore_order_events_of_orders_it_does_not_own()
    {
        // arrange
        var fixture = new HybridFixture();
        fixture.GridRunning();
        var foreign = OrderIntent.Create(
            Ids.Create(new("manual"), Eth, 1), new("manual"), Eth, OrderSide.Buy, OrderType.Market, 1m);
        var before = fixture.Hybrid.Snapshot();

        // act
        var decision = fixture.Order(Filled(foreign, 1m, 2000m, tradeId: 1));
        var otherPrefix = fixture.Order(new OrderCanceled(Eth, new("web_12345"), T0));

        // assert
        Assert.True(decision.IsEmpty);
        Assert.True(otherPrefix.IsEmpty);
        Assert.Equal(before, fixture.Hybrid.Snapshot());
    }

    [Fact]
    public void Should_throw_when_a_child_it_has_halted_places_an_order()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending);
        fixture.Grid.Misbehaves = true;

        // act and assert
        var error = Assert.Throws<InvalidOperationException>(() => fixture.Hybrid.OnOrderEvent(Canceled(gridOrder), Context(fixture.NowMs)));
        Assert.Contains("while halted by the hybrid", error.Message, StringComparison.Ordinal);
    }
}
