using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Orders;

public class OrderFillSpecs
{
    private static readonly OrderIntent Intent = Limit(quantity: 1m, price: 100.5m);

    private static Order Working() => ApplyAll(NewOrder(Intent), Submitted(Intent), Accepted(Intent));

    [Fact]
    public void Should_average_fill_prices_weighted_by_quantity_exactly()
    {
        // arrange
        var order = Working();

        // act
        order = ApplyAll(order, Filled(Intent, 1, 0.3m, 100.1m), Filled(Intent, 2, 0.7m, 100.3m));

        // assert
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(1m, order.FilledQuantity);
        Assert.Equal(100.24m, order.FilledNotional);
        Assert.Equal(100.24m, order.AvgFillPrice); // <-- 0.3 × 100.1 + 0.7 × 100.3 = 100.24
        Assert.Equal(0m, order.LeavesQuantity);
    }

    [Fact]
    public void Should_keep_the_exact_notional_when_the_average_does_not_terminate()
    {
        // arrange
        var intent = Limit(quantity: 3m, price: 101m);
        var order = ApplyAll(NewOrder(intent), Submitted(intent), Accepted(intent));

        // act
        order = ApplyAll(order, Filled(intent, 1, 1m, 100m), Filled(intent, 2, 1m, 100m), Filled(intent, 3, 1m, 101m));

        // assert
        Assert.Equal(301m, order.FilledNotional);
        Assert.Equal(100.33333333333333333333333333m, order.AvgFillPrice);
    }

    [Fact]
    public void Should_track_leaves_and_stay_partially_filled_until_the_quantity_is_reached()
    {
        // arrange
        var order = Working();

        // act
        order = ApplyAll(order, Filled(Intent, 1, 0.25m, 100m), Filled(Intent, 2, 0.5m, 100m));

        // assert
        Assert.Equal(OrderStatus.PartiallyFilled, order.Status);
        Assert.Equal(0.75m, order.FilledQuantity);
        Assert.Equal(0.25m, order.LeavesQuantity);
        Assert.Equal(new HashSet<TradeId> { new(1), new(2) }, order.TradeIds.ToHashSet());
    }

    [Fact]
    public void Should_count_a_fill_as_complete_on_exact_decimal_equality_whatever_the_scale()
    {
        // arrange
        var order = Working();

        // act: 0.10 + 0.900 has a different scale from 1, but the same value
        order = ApplyAll(order, Filled(Intent, 1, 0.10m, 100m), Filled(Intent, 2, 0.900m, 100m));

        // assert
        Assert.Equal(OrderStatus.Filled, order.Status);
    }

    [Fact]
    public void Should_ignore_a_fill_whose_trade_was_already_applied()
    {
        // arrange
        var order = ApplyAll(Working(), Filled(Intent, 7, 0.4m, 100m));

        // act: the same trade reported again, by the user stream after userTrades
        var result = order.Apply(Filled(Intent, 7, 0.4m, 100m, timestampMs: T0 + 99));

        // assert
        var ignored = Assert.IsType<OrderApplyResult.Ignored>(result);
        Assert.Same(order, ignored.Order);
        Assert.Equal(0.4m, ignored.Order.FilledQuantity);
        Assert.Contains("trade 7 was already applied", ignored.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ignore_a_repeated_trade_even_after_the_order_is_filled()
    {
        // arrange
        var order = ApplyAll(Working(), Filled(Intent, 1, 0.5m, 100m), Filled(Intent, 2, 0.5m, 100m));

        // act
        var result = order.Apply(Filled(Intent, 1, 0.5m, 100m));

        // assert
        Assert.IsType<OrderApplyResult.Ignored>(result);
        Assert.Equal(1m, result.Order.FilledQuantity);
    }

    [Fact]
    public void Should_refuse_a_fill_that_would_exceed_the_order_quantity()
    {
        // arrange
        var order = ApplyAll(Working(), Filled(Intent, 1, 0.6m, 100m));

        // act
        var result = order.Apply(Filled(Intent, 2, 0.5m, 100m));

        // assert
        var refused = Assert.IsType<OrderApplyResult.Refused>(result);
        Assert.Same(order, refused.Order);
        Assert.Equal(
            "OrderFilled refused for order rari-grid-BTCUSDT-000001 in status PartiallyFilled: trade 2 of 0.5 would take the filled quantity to 1.1, above the order quantity 1; reconcile.",
            refused.Error);
    }

    [Fact]
    public void Should_fill_an_order_whose_ack_was_lost_and_learn_its_venue_id_from_the_fill()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent));

        // act
        var result = order.Apply(Filled(Intent, 1, 1m, 100m, venueOrderId: 555));

        // assert
        var applied = Assert.IsType<OrderApplyResult.Applied>(result);
        Assert.Equal(OrderStatus.Filled, applied.Order.Status);
        Assert.Equal(new VenueOrderId(555), applied.Order.VenueOrderId);
    }

    [Theory]
    [InlineData("0.4", OrderStatus.PartiallyFilled)]
    [InlineData("1", OrderStatus.Filled)]
    public void Should_fill_while_a_cancel_is_pending_because_the_fill_raced_the_cancel(string quantity, OrderStatus expected)
    {
        // arrange
        var order = ApplyAll(Working(), PendingCancel(Intent));

        // act
        var result = order.Apply(Filled(Intent, 1, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), 100m));

        // assert
        Assert.Equal(expected, Assert.IsType<OrderApplyResult.Applied>(result).Order.Status);
        Assert.Null(result.Order.StatusBeforeCancel);
    }

    [Fact]
    public void Should_refuse_a_fill_with_a_venue_order_id_other_than_the_acknowledged_one()
    {
        // arrange
        var order = Working();

        // act
        var result = order.Apply(Filled(Intent, 1, 0.1m, 100m, venueOrderId: 43));

        // assert
        Assert.Contains("the venue order id 43 differs from the known 42", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_fill_on_the_other_side()
    {
        // arrange
        var order = Working();
        var sell = Filled(Intent, 1, 0.1m, 100m);
        var wrongSide = sell with { Fill = sell.Fill with { Side = OrderSide.Sell } };

        // act
        var result = order.Apply(wrongSide);

        // assert
        Assert.Contains("is Sell/Both but the order is Buy/Both", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "100")]
    [InlineData("-0.1", "100")]
    [InlineData("0.1", "0")]
    public void Should_refuse_a_fill_without_positive_quantity_and_price(string quantity, string price)
    {
        // arrange
        var order = Working();
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        // act
        var result = order.Apply(Filled(Intent, 1, decimal.Parse(quantity, culture), decimal.Parse(price, culture)));

        // assert
        Assert.Contains("both must be greater than 0", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_venue_order_quantity_that_differs_from_ours()
    {
        // arrange
        var order = Working();

        // act
        var result = order.Apply(Filled(Intent, 1, 0.1m, 100m, orderQuantity: 2m));

        // assert
        Assert.Contains("the venue states the order quantity 2 but ours is 1", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_take_a_close_position_order_quantity_from_the_venue_at_its_first_fill()
    {
        // arrange
        var intent = ClosePositionStop();
        var order = ApplyAll(NewOrder(intent), Submitted(intent), Accepted(intent));
        Assert.Null(order.Quantity);
        Assert.Null(order.LeavesQuantity);

        // act
        order = ApplyAll(order, Filled(intent, 1, 0.2m, 89.9m, orderQuantity: 0.5m), Filled(intent, 2, 0.3m, 89.8m));

        // assert
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(0.5m, order.Quantity);
        Assert.Equal(89.84m, order.AvgFillPrice); // (0.2 × 89.9 + 0.3 × 89.8) / 0.5
    }

    [Fact]
    public void Should_refuse_a_close_position_fill_that_does_not_state_the_order_quantity()
    {
        // arrange
        var intent = ClosePositionStop();
        var order = ApplyAll(NewOrder(intent), Submitted(intent), Accepted(intent));

        // act
        var result = order.Apply(Filled(intent, 1, 0.2m, 89.9m));

        // assert
        Assert.Contains("must state the order quantity", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_no_leaves_once_canceled_with_a_partial_fill()
    {
        // arrange
        var order = ApplyAll(Working(), Filled(Intent, 1, 0.3m, 100m));

        // act
        order = ApplyAll(order, PendingCancel(Intent), Canceled(Intent));

        // assert
        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(0.3m, order.FilledQuantity);
        Assert.Equal(0m, order.LeavesQuantity);
    }
}
