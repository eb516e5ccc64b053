using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Orders;

/// <summary>Hedge mode (§6.3): LONG and SHORT legs, BUY/SELL + positionSide open or close, no reduceOnly.</summary>
public sealed class HedgeModeSpecs
{
    private static VenueHarness HedgeVenue()
    {
        var venue = new VenueHarness(account: new AccountOptions { PositionMode = PositionMode.Hedge });
        venue.Price(30_000m);
        return venue;
    }

    [Fact]
    public void Should_keep_a_long_and_a_short_leg_and_close_each_with_the_opposite_side()
    {
        // arrange
        var venue = HedgeVenue();

        // act
        venue.Place(Market(OrderSide.Buy, 0.1m) with { PositionSide = PositionSide.Long });
        venue.Place(Market(OrderSide.Sell, 0.2m) with { PositionSide = PositionSide.Short });
        var open = venue.Venue.GetPositionRisk(Alice, Btc).Value;
        var closed = venue.Place(Market(OrderSide.Sell, 0.05m) with { PositionSide = PositionSide.Long });
        var after = venue.Venue.GetPositionRisk(Alice, Btc).Value;

        // assert
        Assert.Equal([PositionSide.Long, PositionSide.Short], open.Select(r => r.PositionSide));
        Assert.Equal([0.1m, -0.2m], open.Select(r => r.PositionAmount));
        Assert.Equal(OrderStatus.Filled, closed.Status);
        Assert.Equal([0.05m, -0.2m], after.Select(r => r.PositionAmount));
        Assert.Equal(-0.2m * 30_000m, after[1].Notional);
    }

    [Fact]
    public void Should_trim_a_closing_order_to_its_leg_and_refuse_one_with_no_leg_to_close()
    {
        // arrange
        var venue = HedgeVenue();
        venue.Place(Market(OrderSide.Buy, 0.1m) with { PositionSide = PositionSide.Long });

        // act
        var trimmed = venue.Place(Market(OrderSide.Sell, 0.5m) with { PositionSide = PositionSide.Long });
        var nothingToClose = venue.Reject(Market(OrderSide.Buy, 0.1m) with { PositionSide = PositionSide.Short });

        // assert
        Assert.Equal(OrderStatus.Expired, trimmed.Status);
        Assert.Equal(0.1m, trimmed.ExecutedQuantity);
        Assert.Equal(-2022, nothingToClose.Code);
    }

    [Fact]
    public void Should_refuse_orders_that_do_not_fit_hedge_mode()
    {
        // arrange
        var venue = HedgeVenue();
        venue.Place(Market(OrderSide.Buy, 0.1m) with { PositionSide = PositionSide.Long });

        // act
        var noSide = venue.Reject(Market(OrderSide.Buy, 0.1m));
        var reduceOnly = venue.Reject(Market(OrderSide.Sell, 0.1m) with { PositionSide = PositionSide.Long, ReduceOnly = true });
        var closeOpening = venue.Reject(new Venue.Orders.NewOrderRequest(Btc, OrderSide.Buy, OrderType.StopMarket)
        {
            StopPrice = 31_000m,
            ClosePosition = true,
            PositionSide = PositionSide.Long,
        });

        // assert
        Assert.Equal(-4061, noSide.Code);
        Assert.Equal(-1106, reduceOnly.Code);
        Assert.Equal(-1128, closeOpening.Code);
    }

    [Fact]
    public void Should_expire_a_resting_closing_order_when_its_leg_is_closed_by_another()
    {
        // arrange
        var venue = HedgeVenue();
        venue.Place(Market(OrderSide.Sell, 0.1m) with { PositionSide = PositionSide.Short });
        var resting = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m) with { PositionSide = PositionSide.Short });

        // act
        venue.Place(Market(OrderSide.Buy, 0.1m) with { PositionSide = PositionSide.Short });
        var events = venue.Drain();

        // assert
        Assert.EndsWith("Expired/Expired", Lifecycle(events, resting.OrderId.Value));
    }
}
