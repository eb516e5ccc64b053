using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Accounts;

/// <summary>Several accounts on one market: each with its own wallet, settings, orders and positions.</summary>
public sealed class MultiAccountSpecs
{
    [Fact]
    public void Should_fill_each_accounts_orders_separately_on_the_same_market_data()
    {
        // arrange: same client order id, same price, different accounts and fee rates
        var venue = new VenueHarness();
        venue.Venue.OpenAccount(Bob, 5_000m, new AccountOptions { MakerCommissionRate = 0m });
        venue.Price(30_000m);
        var alice = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_900m) with { ClientOrderId = "same" });
        var bob = venue.Place(Limit(OrderSide.Buy, 0.2m, 29_900m) with { ClientOrderId = "same" }, Bob);

        // act
        venue.Kline(30_000m, 30_000m, 29_800m, 29_850m);
        var trades = venue.Drain().OfType<OrderUpdated>().Where(e => e.Trade is not null).ToList();

        // assert
        Assert.Equal([(Alice, alice.OrderId), (Bob, bob.OrderId)], trades.Select(t => (t.Account, t.Order.OrderId)));
        Assert.Equal([0.598m, 0m], trades.Select(t => t.Trade!.Commission));
        Assert.Equal(0.1m, venue.Position());
        Assert.Equal(0.2m, venue.Position(Bob));
        Assert.Equal(10_000m - 0.598m, venue.Wallet());
        Assert.Equal(5_000m, venue.Wallet(Bob));
        Assert.Equal(new CommissionRates(Btc, 0m, 0.0004m), venue.Venue.GetCommissionRates(Bob, Btc).Value);
    }

    [Fact]
    public void Should_keep_cancels_settings_and_queries_within_one_account()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Venue.OpenAccount(Bob, 10_000m);
        venue.Price(30_000m);
        var alice = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m), Bob);

        // act
        venue.Venue.CancelAllOrders(Bob, Btc);
        var crossAccountCancel = venue.Venue.CancelOrder(Bob, Btc, OrderReference.ById(alice.OrderId.Value));
        venue.Venue.ChangeLeverage(Bob, Btc, 5);
        venue.Venue.ChangePositionMode(Bob, PositionMode.Hedge);

        // assert
        Assert.Single(venue.Venue.GetOpenOrders(Alice).Value);
        Assert.Empty(venue.Venue.GetOpenOrders(Bob).Value);
        Assert.Equal(-2011, crossAccountCancel.Error!.Code);
        Assert.Equal(20, venue.Venue.GetPositionRisk(Alice, Btc).Value[0].Leverage);
        Assert.Equal(PositionMode.OneWay, venue.Venue.GetPositionMode(Alice).Value);
    }

    [Fact]
    public void Should_liquidate_one_account_without_touching_another()
    {
        // arrange: Alice at 20x with little margin, Bob at 2x
        var venue = new VenueHarness(wallet: 200m);
        venue.Venue.OpenAccount(Bob, 10_000m);
        venue.Venue.ChangeLeverage(Bob, Btc, 2);
        venue.OpenAt(0.1m, 30_000m);
        venue.OpenAt(0.1m, 30_000m, Bob);
        var bobOrder = venue.Place(Limit(OrderSide.Sell, 0.1m, 31_000m), Bob);
        venue.Drain();

        // act: a 6.7 % drop; Alice's 199.4 of margin is gone at 28,118.47
        venue.Kline(30_000m, 30_000m, 28_000m, 28_500m);
        var events = venue.Drain();

        // assert
        Assert.Equal(Alice, Assert.Single(events.OfType<PositionLiquidated>()).Account);
        Assert.DoesNotContain(events, e => e.Account == Bob);
        Assert.Equal(0.1m, venue.Position(Bob));
        Assert.True(venue.Venue.GetOpenOrder(Bob, Btc, OrderReference.ById(bobOrder.OrderId.Value)).IsSuccess);
    }

    [Fact]
    public void Should_refuse_opening_an_account_twice()
    {
        // arrange
        var venue = new VenueHarness();

        // act
        var error = Record.Exception(() => venue.Venue.OpenAccount(Alice, 1m));

        // assert
        Assert.IsType<ArgumentException>(error);
        Assert.True(venue.Venue.HasAccount(Alice));
        Assert.False(venue.Venue.HasAccount(Bob));
    }
}
