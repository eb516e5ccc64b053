using Rari.Domain.Orders;
using Rari.Venue.Accounts;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Margin;

/// <summary>The initial margin orders need: netted open-order margin, −2019, and margin checked when a stop triggers.</summary>
public sealed class OrderMarginSpecs
{
    [Fact]
    public void Should_margin_only_the_larger_side_of_one_way_orders()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m));
        var summary = venue.Venue.GetAccountSummary(Alice).Value;

        // assert
        Assert.Equal(155m, summary.TotalOpenOrderInitialMargin); // max(2,900, 3,100) / 20
        Assert.Equal(9_845m, summary.AvailableBalance);
    }

    [Fact]
    public void Should_not_margin_orders_that_would_close_the_position()
    {
        // arrange
        var venue = new VenueHarness();
        venue.OpenAt(0.1m, 30_000m);

        // act
        venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m));
        var closingOnly = venue.Venue.GetAccountSummary(Alice).Value.TotalOpenOrderInitialMargin;
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var withBuy = venue.Venue.GetAccountSummary(Alice).Value.TotalOpenOrderInitialMargin;

        // assert
        Assert.Equal(0m, closingOnly);
        Assert.Equal(145m, withBuy);
    }

    [Fact]
    public void Should_add_up_both_legs_opening_orders_in_hedge_mode()
    {
        // arrange
        var venue = new VenueHarness(account: new AccountOptions { PositionMode = Domain.Portfolio.PositionMode.Hedge });
        venue.Price(30_000m);

        // act
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m) with { PositionSide = PositionSide.Long });
        venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m) with { PositionSide = PositionSide.Short });
        var summary = venue.Venue.GetAccountSummary(Alice).Value;

        // assert
        Assert.Equal(300m, summary.TotalOpenOrderInitialMargin);
        Assert.Equal([145m, 155m], summary.Positions.Select(p => p.OpenOrderInitialMargin));
    }

    [Fact]
    public void Should_refuse_an_order_the_available_balance_cannot_margin_but_accept_one_the_netting_covers()
    {
        // arrange: 1,000 USDT, 20x; a 0.6 BTC bid at 29,000 uses 870
        var venue = new VenueHarness(wallet: 1_000m);
        venue.Price(30_000m);
        venue.Place(Limit(OrderSide.Buy, 0.6m, 29_000m));

        // act
        var anotherBid = venue.Reject(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var ask = venue.Place(Limit(OrderSide.Sell, 0.6m, 31_000m)); // max(17,400, 18,600) / 20 = 930: 60 more

        // assert
        Assert.Equal(-2019, anotherBid.Code);
        Assert.Equal(OrderStatus.Accepted, ask.Status);
        Assert.Equal(70m, venue.Venue.GetBalance(Alice).Value.AvailableBalance);
    }

    [Fact]
    public void Should_expire_a_triggered_stop_the_account_can_no_longer_margin()
    {
        // arrange: a stop reserves nothing when placed
        var venue = new VenueHarness(wallet: 100m);
        venue.Price(30_000m);
        var stop = venue.Place(Stop(OrderSide.Buy, 0.1m, 30_500m));

        // act: 0.1 × 30,500 / 20 = 152.5 > 100
        venue.Kline(30_000m, 30_600m, 29_990m, 30_550m);
        var events = venue.Drain();

        // assert
        Assert.Equal("New/Accepted, Expired/Expired", Lifecycle(events, stop.OrderId.Value));
        Assert.Equal(0m, venue.Position());
    }
}
