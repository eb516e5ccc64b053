using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Orders;

// Realistic sequences from a venue that duplicates and reorders its reports.
public class OrderSequenceSpecs
{
    private static readonly OrderIntent Intent = Limit(quantity: 1m, price: 100m);

    [Fact]
    public void Should_ignore_a_late_ack_after_the_fill_that_overtook_it()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), Filled(Intent, 1, 1m, 100m));

        // act
        var result = order.Apply(Accepted(Intent));

        // assert
        Assert.IsType<OrderApplyResult.Ignored>(result);
        Assert.Equal(OrderStatus.Filled, result.Order.Status);
    }

    [Fact]
    public void Should_ignore_a_late_ack_after_a_cancel_that_overtook_it()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), PendingCancel(Intent), Canceled(Intent));

        // act
        var result = order.Apply(Accepted(Intent));

        // assert
        Assert.IsType<OrderApplyResult.Ignored>(result);
        Assert.Equal(OrderStatus.Canceled, result.Order.Status);
    }

    [Fact]
    public void Should_expire_an_ioc_that_found_nothing_without_an_ack()
    {
        // arrange
        var ioc = Limit(timeInForce: TimeInForce.Ioc);
        var order = ApplyAll(NewOrder(ioc), Submitted(ioc));

        // act
        var result = order.Apply(Expired(ioc));

        // assert
        Assert.Equal(OrderStatus.Expired, Assert.IsType<OrderApplyResult.Applied>(result).Order.Status);
        Assert.Null(result.Order.VenueOrderId);
    }

    [Fact]
    public void Should_end_filled_when_the_last_fill_beats_the_cancel_and_ignore_the_cancel_rejection()
    {
        // arrange: resting order, partial fill, we cancel, the rest fills before the cancel lands
        var order = ApplyAll(
            NewOrder(Intent), Submitted(Intent), Accepted(Intent), Filled(Intent, 1, 0.4m, 100m), PendingCancel(Intent), Filled(Intent, 2, 0.6m, 100m));

        // act: the venue answers the cancel with -2011 Unknown order
        var result = order.Apply(CancelRejected(Intent));

        // assert
        Assert.IsType<OrderApplyResult.Ignored>(result);
        Assert.Equal(OrderStatus.Filled, result.Order.Status);
        Assert.Equal(1m, result.Order.FilledQuantity);
    }

    [Fact]
    public void Should_return_to_partially_filled_when_the_cancel_is_refused()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), Accepted(Intent), Filled(Intent, 1, 0.4m, 100m), PendingCancel(Intent));

        // act
        var result = order.Apply(CancelRejected(Intent, code: -1000, reason: "busy"));

        // assert
        Assert.Equal(OrderStatus.PartiallyFilled, Assert.IsType<OrderApplyResult.Applied>(result).Order.Status);
    }

    [Fact]
    public void Should_reach_the_same_state_whether_the_ack_or_the_fills_arrive_first()
    {
        // arrange
        IOrderEvent[] ackFirst = [Submitted(Intent), Accepted(Intent), Filled(Intent, 1, 0.3m, 99m), Filled(Intent, 2, 0.7m, 100m, timestampMs: T0 + 11)];
        IOrderEvent[] fillsFirst = [Submitted(Intent), Filled(Intent, 2, 0.7m, 100m, timestampMs: T0 + 11), Filled(Intent, 1, 0.3m, 99m), Accepted(Intent)];

        // act
        var a = Fold(NewOrder(Intent), ackFirst);
        var b = Fold(NewOrder(Intent), fillsFirst);

        // assert
        Assert.Equal(a, b);
        Assert.Equal(OrderStatus.Filled, a.Status);
        Assert.Equal(99.7m, a.AvgFillPrice);
        Assert.Equal(T0 + 11, a.LastUpdateMs);
    }

    [Fact]
    public void Should_count_each_trade_once_when_every_report_arrives_twice()
    {
        // arrange
        IOrderEvent[] once = [Submitted(Intent), Accepted(Intent), Filled(Intent, 1, 0.5m, 100m), Filled(Intent, 2, 0.5m, 101m)];
        var twice = once.SelectMany(e => new[] { e, e }).ToArray();

        // act
        var a = Fold(NewOrder(Intent), once);
        var b = Fold(NewOrder(Intent), twice);

        // assert
        Assert.Equal(a, b);
        Assert.Equal(1m, b.FilledQuantity);
        Assert.Equal(100.5m, b.AvgFillPrice);
    }

    [Fact]
    public void Should_refuse_a_trade_that_arrives_after_the_cancel()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), Accepted(Intent), Canceled(Intent));

        // act
        var result = order.Apply(Filled(Intent, 1, 0.2m, 100m));

        // assert
        Assert.IsType<OrderApplyResult.Refused>(result);
        Assert.Equal(0m, result.Order.FilledQuantity);
    }

    [Fact]
    public void Should_refuse_an_event_for_another_order()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent));
        var other = Limit(sequence: 2);

        // act
        var result = order.Apply(Accepted(other));

        // assert
        Assert.Equal(
            "OrderAccepted refused for order rari-grid-BTCUSDT-000001 in status Submitted: the event is for order rari-grid-BTCUSDT-000002 on BTCUSDT, not rari-grid-BTCUSDT-000001 on BTCUSDT.",
            Assert.IsType<OrderApplyResult.Refused>(result).Error);
    }

    [Fact]
    public void Should_refuse_an_event_for_the_same_id_on_another_symbol()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent));

        // act
        var result = order.Apply(new OrderCanceled(new Symbol("ETHUSDT"), Intent.ClientOrderId, T0));

        // assert
        Assert.IsType<OrderApplyResult.Refused>(result);
    }

    [Fact]
    public void Should_refuse_a_second_initialization_with_a_different_intent()
    {
        // arrange
        var order = NewOrder(Intent);

        // act
        var result = order.Apply(Initialized(Intent.WithQuantity(2m)));

        // assert
        Assert.Contains("different intent", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_ack_with_a_venue_order_id_other_than_the_known_one()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), Filled(Intent, 1, 0.1m, 100m, venueOrderId: 42));

        // act
        var result = order.Apply(Accepted(Intent, venueOrderId: 41));

        // assert
        Assert.IsType<OrderApplyResult.Refused>(result);
    }

    [Fact]
    public void Should_keep_the_latest_timestamp_when_an_older_report_arrives_late()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent, timestampMs: T0 + 100));

        // act
        order = ApplyAll(order, Accepted(Intent, timestampMs: T0 + 50));

        // assert
        Assert.Equal(T0 + 100, order.LastUpdateMs);
    }

    [Fact]
    public void Should_start_initialized_with_the_intent_and_nothing_filled()
    {
        // act
        var order = Order.Create(Initialized(Intent, timestampMs: 123));

        // assert
        Assert.Equal(OrderStatus.Initialized, order.Status);
        Assert.Same(Intent, order.Intent);
        Assert.Equal(Intent.ClientOrderId, order.ClientOrderId);
        Assert.Equal(Btc, order.Symbol);
        Assert.Equal(1m, order.Quantity);
        Assert.Equal(1m, order.LeavesQuantity);
        Assert.Equal(0m, order.FilledQuantity);
        Assert.Equal(0m, order.AvgFillPrice);
        Assert.Null(order.VenueOrderId);
        Assert.Empty(order.TradeIds);
        Assert.Equal(123, order.LastUpdateMs);
    }

    [Fact]
    public void Should_refuse_an_event_whose_kind_does_not_match_its_type()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), Accepted(Intent));

        // act
        var result = order.Apply(new ForgedFill(Intent.Symbol, Intent.ClientOrderId, T0));

        // assert
        Assert.Contains("ForgedFill is not an order event of kind Filled", Assert.IsType<OrderApplyResult.Refused>(result).Error, StringComparison.Ordinal);
    }

    private sealed record ForgedFill(Symbol Symbol, ClientOrderId ClientOrderId, long TimestampMs) : IOrderEvent
    {
        public OrderEventKind Kind => OrderEventKind.Filled;
    }
}
