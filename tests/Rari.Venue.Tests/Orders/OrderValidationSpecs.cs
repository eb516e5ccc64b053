using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.TestKit;
using Rari.Venue.Orders;
using static Rari.Venue.Tests.VenueHarness;

namespace Rari.Venue.Tests.Orders;

/// <summary>New-order checks and the exact Aster codes they answer with; a refused order leaves no trace.</summary>
public sealed class OrderValidationSpecs
{
    public static TheoryData<string, NewOrderRequest, int> Refusals() => new()
    {
        { "LIMIT without timeInForce", new NewOrderRequest(Btc, OrderSide.Buy, OrderType.Limit) { Quantity = 0.1m, Price = 29_000m }, -1102 },
        { "LIMIT without price", new NewOrderRequest(Btc, OrderSide.Buy, OrderType.Limit) { Quantity = 0.1m, TimeInForce = TimeInForce.Gtc }, -1102 },
        { "MARKET with price", Market(OrderSide.Buy, 0.1m) with { Price = 30_000m }, -1106 },
        { "STOP_MARKET without stopPrice", new NewOrderRequest(Btc, OrderSide.Buy, OrderType.StopMarket) { Quantity = 0.1m }, -1102 },
        { "closePosition with quantity", Stop(OrderSide.Sell, 0.1m, 29_000m) with { ClosePosition = true }, -4137 },
        { "closePosition on LIMIT", Limit(OrderSide.Sell, 0.1m, 31_000m) with { ClosePosition = true }, -1106 },
        { "LONG in one-way mode", Limit(OrderSide.Buy, 0.1m, 29_000m) with { PositionSide = PositionSide.Long }, -4061 },
        { "bad client order id", Limit(OrderSide.Buy, 0.1m, 29_000m) with { ClientOrderId = "no spaces allowed" }, -4015 },
        { "price off the tick", Limit(OrderSide.Buy, 0.1m, 29_000.05m), -4014 },
        { "quantity below minQty", Limit(OrderSide.Buy, 0.0001m, 29_000m), -4004 },
        { "quantity off the step", Limit(OrderSide.Buy, 0.0015m, 29_000m), -4023 },
        { "notional below 5", Limit(OrderSide.Buy, 0.001m, 4_000m), -4164 },
        { "BUY above mark × 1.05", Limit(OrderSide.Buy, 0.1m, 31_600m), -4016 },
        { "SELL below mark × 0.95", Limit(OrderSide.Sell, 0.1m, 28_400m), -4024 },
        { "STOP BUY already above its stop", Stop(OrderSide.Buy, 0.1m, 29_000m), -2021 },
        { "TAKE_PROFIT SELL already above its stop", TakeProfit(OrderSide.Sell, 0.1m, 29_000m), -2021 },
        { "reduce-only without a position", Limit(OrderSide.Sell, 0.1m, 31_000m) with { ReduceOnly = true }, -2022 },
        { "margin beyond the available balance", Limit(OrderSide.Buy, 10m, 29_000m), -2019 },
        { "market order margin and fee", Market(OrderSide.Buy, 6.67m), -2019 },
        { "unknown symbol", NewOrderRequest.Limit(new Symbol("DOGEUSDT"), OrderSide.Buy, 100m, 0.1m), -1121 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Should_refuse_an_invalid_order_with_asters_code_and_leave_no_trace(string reason, NewOrderRequest request, int code)
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Drain();

        // act
        var error = venue.Reject(request);

        // assert
        Assert.True(code == error.Code, $"{reason}: expected {code}, got {error}");
        Assert.Empty(venue.Drain());
        Assert.Empty(venue.Venue.GetOpenOrders(Alice).Value);
    }

    [Fact]
    public void Should_answer_with_the_domain_filters_exact_messages()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var offTick = venue.Reject(Limit(OrderSide.Buy, 0.1m, 29_000.05m));
        var tooSmall = venue.Reject(Limit(OrderSide.Buy, 0.001m, 4_000m));
        var margin = venue.Reject(Limit(OrderSide.Buy, 10m, 29_000m));

        // assert
        Assert.Equal("Price not increased by tick size.", offTick.Message);
        Assert.Equal("Order's notional must be no smaller than 5.0 (unless you choose reduce only)", tooSmall.Message);
        Assert.Equal("Margin is insufficient.", margin.Message);
    }

    [Fact]
    public void Should_accept_a_market_order_whose_margin_and_fee_just_fit()
    {
        // arrange: 6.6 BTC at 30,000.1 needs 9,900.033 of margin and 79.200264 of taker fee, within the 10,000 wallet
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var filled = venue.Place(Market(OrderSide.Buy, 6.6m));

        // assert
        Assert.Equal(OrderStatus.Filled, filled.Status);
    }

    [Fact]
    public void Should_refuse_a_client_order_id_already_used_by_an_open_order_but_not_by_a_finished_one()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var first = venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m) with { ClientOrderId = "a1" });

        // act
        var duplicate = venue.Reject(Limit(OrderSide.Buy, 0.1m, 28_900m) with { ClientOrderId = "a1" });
        venue.Venue.CancelOrder(Alice, Btc, OrderReference.ById(first.OrderId.Value));
        var reused = venue.Place(Limit(OrderSide.Buy, 0.1m, 28_900m) with { ClientOrderId = "a1" });

        // assert
        Assert.Equal(-4116, duplicate.Code);
        Assert.Equal(OrderStatus.Accepted, reused.Status);
        Assert.Equal(reused.OrderId, venue.Venue.GetOrder(Alice, Btc, OrderReference.ByClientId("a1")).Value.OrderId);
    }

    [Fact]
    public void Should_limit_open_orders_and_conditional_orders_per_symbol()
    {
        // arrange
        var venue = new VenueHarness(instrument: TestInstruments.BtcUsdt with { MaxNumOrders = 3, MaxNumAlgoOrders = 1 });
        venue.Price(30_000m);
        venue.Place(Stop(OrderSide.Buy, 0.1m, 31_000m));

        // act
        var secondStop = venue.Reject(Stop(OrderSide.Buy, 0.1m, 31_500m));
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        venue.Place(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var fourth = venue.Reject(Limit(OrderSide.Buy, 0.1m, 29_000m));
        var market = venue.Place(Market(OrderSide.Buy, 0.1m)); // a market order never rests, so the count does not apply

        // assert
        Assert.Equal(-4045, secondStop.Code);
        Assert.Equal(-2025, fourth.Code);
        Assert.Equal(OrderStatus.Filled, market.Status);
    }

    [Fact]
    public void Should_refuse_a_position_beyond_the_maximum_notional_of_the_leverage()
    {
        // arrange: at 125x BTC allows 50,000 of notional
        var venue = new VenueHarness();
        venue.Price(30_000m);
        venue.Venue.ChangeLeverage(Alice, Btc, 125);

        // act
        var tooLarge = venue.Reject(Limit(OrderSide.Buy, 2m, 29_000m));
        var fits = venue.Place(Limit(OrderSide.Buy, 1.7m, 29_000m));

        // assert
        Assert.Equal(-2027, tooLarge.Code);
        Assert.Equal(OrderStatus.Accepted, fits.Status);
    }

    [Fact]
    public void Should_refuse_an_unknown_account_and_a_batch_that_is_empty_or_too_large()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);
        var six = Enumerable.Repeat(Limit(OrderSide.Buy, 0.1m, 29_000m), 6).ToList();

        // act
        var unknown = venue.Venue.PlaceOrder(new AccountId("mallory"), Limit(OrderSide.Buy, 0.1m, 29_000m));
        var tooMany = venue.Venue.PlaceOrders(Alice, six);
        var empty = venue.Venue.PlaceOrders(Alice, []);

        // assert
        Assert.Equal(-1109, unknown.Error!.Code);
        Assert.Equal(-4082, tooMany.Error!.Code);
        Assert.Equal(-4082, empty.Error!.Code);
        Assert.Empty(venue.Venue.GetOpenOrders(Alice).Value);
    }

    [Fact]
    public void Should_place_a_batch_in_input_order_with_a_result_per_order()
    {
        // arrange
        var venue = new VenueHarness();
        venue.Price(30_000m);

        // act
        var results = venue.Venue.PlaceOrders(Alice,
        [
            Limit(OrderSide.Buy, 0.1m, 29_000m),
            Limit(OrderSide.Buy, 0.1m, 29_000.05m),
            Limit(OrderSide.Sell, 0.1m, 31_000m),
        ]).Value;

        // assert
        Assert.Equal(3, results.Count);
        Assert.Equal(29_000m, results[0].Value.Price);
        Assert.Equal(-4014, results[1].Error!.Code);
        Assert.Equal(results[0].Value.OrderId.Value + 1, results[2].Value.OrderId.Value);
    }
}
