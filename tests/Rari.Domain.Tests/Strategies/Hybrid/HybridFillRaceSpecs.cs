using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Hybrid;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

/// <summary>
/// A switch whose cancel loses the race against a fill: the outgoing child's order fills, and the account view the
/// host passes has not caught up with that fill yet. The position must still be closed (or handed over), never orphaned.
/// </summary>
public sealed class HybridFillRaceSpecs
{
    private static readonly HybridSettings Patient = HybridSettings.Default with { CancelTimeout = TimeSpan.FromMinutes(5) };

    [Fact]
    public void Should_close_what_the_outgoing_child_bought_when_its_fill_beat_the_cancel_and_the_account_view_lags()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending);

        // act: the cancel is refused because the order filled; at the next bar the account view still says flat
        fixture.Order(Filled(gridOrder, 0.1m, 1000m, tradeId: 9), position: 0m);
        var filled = fixture.Bar(position: 0m);

        // assert
        var close = filled.Single<ExposureCloseOrdered>().Order;
        Assert.Equal((OrderType.Market, OrderSide.Sell, 0.1m, true), (close.Type, close.Side, close.Quantity, close.ReduceOnly)); // <--
        Assert.Equal(close, Assert.Single(filled.Places()).Intent);
        Assert.Empty(filled.Events.OfType<SwitchCompleted>());
        Assert.Equal(HybridPhase.Closing, fixture.Hybrid.State.Phase);
    }

    [Fact]
    public void Should_hand_over_what_the_outgoing_child_bought_at_its_own_entry_price_when_the_account_view_lags()
    {
        // arrange
        var fixture = new HybridFixture(Patient with { SwitchPosition = SwitchPositionMode.HandOver });
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending);

        // act
        fixture.Order(Filled(gridOrder, 0.1m, 1000m, tradeId: 9), position: 0m);
        var filled = fixture.Bar(position: 0m);

        // assert
        var inherited = filled.Events.OfType<ChildDecided>().Select(c => c.Inner).OfType<FakeInherited>().Single();
        Assert.Equal((0.1m, 1000m), (inherited.Quantity, inherited.Price)); // <--
        Assert.Empty(filled.Places());
        Assert.Equal(HybridLeg.Volatility, filled.Single<SwitchCompleted>().Active);
    }

    [Fact]
    public void Should_close_the_account_position_when_the_account_already_shows_more_than_the_child_owns()
    {
        // arrange
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.3m, entryPrice: 1990m);

        // act
        fixture.Order(Filled(gridOrder, 0.1m, 1000m, tradeId: 9), position: 0.3m, entryPrice: 1990m);
        var filled = fixture.Bar(position: 0.3m, entryPrice: 1990m);

        // assert
        Assert.Equal(0.3m, filled.Single<ExposureCloseOrdered>().Order.Quantity);
    }
}
