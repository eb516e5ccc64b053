using Rari.Domain.Orders;
using Rari.TestKit;
using Rari.Venue.Events;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Orders;

/// <summary>Cancelling (one, all, countdown) and querying orders.</summary>
public sealed class CancelAndQuerySpecs
{
    [Fact]
    public void Should_cancel_an_open_order_by_id_or_client_id_and_refuse_an_unknown_or_finished_one()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var byId = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var byClientId = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_100m) with { ClientOrderId = "c-2" });
        var filled = venue.Place(Market(OrderSide.Buy, 0.1m));

        // act
        var first = venue.Venue.CancelOrder(Alice, Btc, OrderReference.ById(byId.OrderId.Value));
        var second = venue.Venue.CancelOrder(Alice, Btc, OrderReference.ByClientId("c-2"));
        var again = venue.Venue.CancelOrder(Alice, Btc, OrderReference.ById(byId.OrderId.Value));
        var finished = venue.Venue.CancelOrder(Alice, Btc, OrderReference.ById(filled.OrderId.Value));
        var unknown = venue.Venue.CancelOrder(Alice, Btc, OrderReference.ById(999));
        var events = venue.Drain();

        // assert
        Assert.Equal(OrderStatus.Canceled, first.Value.Status);
        Assert.Equal(byClientId.OrderId, second.Value.OrderId);
        Assert.Equal([-2011, -2011, -2011], new[] { again, finished, unknown }.Select(r => r.Error!.Code));
        Assert.Equal("New/Accepted, Canceled/Canceled", Lifecycle(events, byId.OrderId.Value));
        Assert.Single(events.OfType<AccountUpdated>()); // the market fill's; placing and cancelling change no balance
    }

    [Fact]
    public void Should_cancel_all_open_orders_of_the_symbol_including_conditional_ones()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m));
        venue.Place(Stop(OrderSide.Buy, 0.1m, 31_500m));

        // act
        var cancelled = venue.Venue.CancelAllOrders(Alice, Btc);

        // assert
        Assert.Equal(3, cancelled.Value);
        Assert.Empty(venue.Venue.GetOpenOrders(Alice, Btc).Value);
        Assert.Equal(0m, venue.Venue.GetAccountSummary(Alice).Value.TotalOpenOrderInitialMargin);
    }

    [Fact]
    public void Should_cancel_all_orders_when_the_countdown_runs_out_at_its_deadline()
    {
        // arrange: the venue's time is the last millisecond of the first minute
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var start = venue.Venue.NowMs;
        var order = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));

        // act
        var set = venue.Venue.SetCountdownCancelAll(Alice, Btc, 120_000);
        venue.Price(30_000m);
        var beforeDeadline = venue.Venue.GetOpenOrders(Alice, Btc).Value.Count;
        venue.Price(30_000m);
        var events = venue.Drain();

        // assert
        Assert.Equal(120_000, set.Value.CountdownTimeMs);
        Assert.Equal(TestKlines.Jan2024Ms + 59_999, start);
        Assert.Equal(1, beforeDeadline);
        var cancel = OrderUpdates(events, order.OrderId.Value).Single(e => e.Execution == ExecutionType.Canceled);
        Assert.Equal(start + 120_000, cancel.TimeMs);
    }

    [Fact]
    public void Should_replace_the_countdown_on_every_call_and_stop_it_with_zero()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        venue.Venue.SetCountdownCancelAll(Alice, Btc, 90_000);

        // act: heartbeat every minute, then stop the timer
        venue.Price(30_000m);
        venue.Venue.SetCountdownCancelAll(Alice, Btc, 90_000);
        venue.Price(30_000m);
        venue.Venue.SetCountdownCancelAll(Alice, Btc, 0);
        for (var minute = 0; minute < 10; minute++)
        {
            venue.Price(30_000m);
        }

        var negative = venue.Venue.SetCountdownCancelAll(Alice, Btc, -1);

        // assert
        Assert.Single(venue.Venue.GetOpenOrders(Alice, Btc).Value);
        Assert.Equal(-1130, negative.Error!.Code);
    }

    [Fact]
    public void Should_query_open_and_finished_orders()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var resting = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m) with { ClientOrderId = "rest" });
        var filled = venue.Place(Market(OrderSide.Buy, 0.1m) with { ClientOrderId = "mkt" });

        // act
        var openOne = venue.Venue.GetOpenOrder(Alice, Btc, OrderReference.ByClientId("rest"));
        var openFilled = venue.Venue.GetOpenOrder(Alice, Btc, OrderReference.ByClientId("mkt"));
        var finished = venue.Venue.GetOrder(Alice, Btc, OrderReference.ById(filled.OrderId.Value));
        var all = venue.Venue.GetAllOrders(Alice, Btc).Value;
        var latestOne = venue.Venue.GetAllOrders(Alice, Btc, limit: 1).Value;
        var fromSecond = venue.Venue.GetAllOrders(Alice, Btc, fromOrderId: filled.OrderId.Value).Value;
        var missing = venue.Venue.GetOrder(Alice, Btc, OrderReference.ByClientId("nope"));

        // assert
        Assert.Equal(resting.OrderId, openOne.Value.OrderId);
        Assert.Equal(-2013, openFilled.Error!.Code);
        Assert.Equal(OrderStatus.Filled, finished.Value.Status);
        Assert.Equal([resting.OrderId, filled.OrderId], all.Select(o => o.OrderId));
        Assert.Equal(filled.OrderId, Assert.Single(latestOne).OrderId);
        Assert.Equal(filled.OrderId, Assert.Single(fromSecond).OrderId);
        Assert.Equal(-2013, missing.Error!.Code);
    }
}
