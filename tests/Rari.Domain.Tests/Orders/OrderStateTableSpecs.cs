using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Orders;

/// <summary>The three things <see cref="Order.Apply"/> can do with an event.</summary>
public enum Verdict
{
    Applied,
    Ignored,
    Refused,
}

public class OrderStateTableSpecs
{
    private static readonly OrderIntent Intent = Limit(quantity: 1m, price: 100m);

    // One row per (status, event kind): the order is brought into the status through a realistic path (the
    // PendingCancel order was acknowledged before the cancel), then receives a fresh event of that kind
    // (a fill is a new trade of 0.1).
    [Theory]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Denied, Verdict.Applied, OrderStatus.Denied)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Submitted, Verdict.Applied, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Accepted, Verdict.Refused, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.PendingCancel, Verdict.Refused, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.CancelRejected, Verdict.Refused, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Filled, Verdict.Refused, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Canceled, Verdict.Applied, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Initialized, OrderEventKind.Expired, Verdict.Refused, OrderStatus.Initialized)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Denied, Verdict.Ignored, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Submitted, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Accepted, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.PendingCancel, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.CancelRejected, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Filled, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Canceled, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Denied, OrderEventKind.Expired, Verdict.Refused, OrderStatus.Denied)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Denied, Verdict.Refused, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Submitted, Verdict.Ignored, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Accepted, Verdict.Applied, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Rejected, Verdict.Applied, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.PendingCancel, Verdict.Applied, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Filled, Verdict.Applied, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Canceled, Verdict.Applied, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Submitted, OrderEventKind.Expired, Verdict.Applied, OrderStatus.Expired)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Denied, Verdict.Refused, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Submitted, Verdict.Ignored, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Accepted, Verdict.Ignored, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.PendingCancel, Verdict.Applied, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.Accepted)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Filled, Verdict.Applied, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Canceled, Verdict.Applied, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Accepted, OrderEventKind.Expired, Verdict.Applied, OrderStatus.Expired)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Denied, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Submitted, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Accepted, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Rejected, Verdict.Ignored, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.PendingCancel, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Filled, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Canceled, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Rejected, OrderEventKind.Expired, Verdict.Refused, OrderStatus.Rejected)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Denied, Verdict.Refused, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Submitted, Verdict.Ignored, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Accepted, Verdict.Ignored, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.PendingCancel, Verdict.Ignored, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.CancelRejected, Verdict.Applied, OrderStatus.Accepted)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Filled, Verdict.Applied, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Canceled, Verdict.Applied, OrderStatus.Canceled)]
    [InlineData(OrderStatus.PendingCancel, OrderEventKind.Expired, Verdict.Applied, OrderStatus.Expired)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Denied, Verdict.Refused, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Submitted, Verdict.Ignored, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Accepted, Verdict.Ignored, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.PendingCancel, Verdict.Applied, OrderStatus.PendingCancel)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Filled, Verdict.Applied, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Canceled, Verdict.Applied, OrderStatus.Canceled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderEventKind.Expired, Verdict.Applied, OrderStatus.Expired)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Denied, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Submitted, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Accepted, Verdict.Ignored, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.PendingCancel, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Filled, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Canceled, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Filled, OrderEventKind.Expired, Verdict.Refused, OrderStatus.Filled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Denied, Verdict.Refused, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Submitted, Verdict.Refused, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Accepted, Verdict.Ignored, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.PendingCancel, Verdict.Refused, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Filled, Verdict.Refused, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Canceled, Verdict.Ignored, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderEventKind.Expired, Verdict.Refused, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Initialized, Verdict.Ignored, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Denied, Verdict.Refused, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Submitted, Verdict.Refused, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Accepted, Verdict.Ignored, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Rejected, Verdict.Refused, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.PendingCancel, Verdict.Refused, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.CancelRejected, Verdict.Ignored, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Filled, Verdict.Refused, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Canceled, Verdict.Refused, OrderStatus.Expired)]
    [InlineData(OrderStatus.Expired, OrderEventKind.Expired, Verdict.Ignored, OrderStatus.Expired)]
    public void Should_follow_the_state_table_row(OrderStatus from, OrderEventKind kind, Verdict expected, OrderStatus expectedStatus)
    {
        // arrange
        var order = OrderIn(from);
        var orderEvent = FreshEvent(kind);

        // act
        var result = order.Apply(orderEvent);

        // assert
        Assert.Equal(expected, VerdictOf(result));
        Assert.Equal(expectedStatus, result.Order.Status);
        if (expected != Verdict.Applied)
        {
            Assert.Same(order, result.Order);
        }
    }

    [Fact]
    public void Should_have_exactly_one_entry_for_every_status_and_event_kind()
    {
        // arrange
        var statuses = Enum.GetValues<OrderStatus>();
        var kinds = Enum.GetValues<OrderEventKind>();

        // act
        var entries = statuses.SelectMany(s => kinds.Select(k => OrderStateTable.Find(s, k))).ToList();

        // assert
        Assert.Equal(100, OrderStateTable.Count);
        Assert.Equal(100, entries.Count);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.All(entries, e => Assert.Equal(e.Kind == OrderTransitionKind.MoveTo, e.To is not null));
    }

    [Fact]
    public void Should_only_ignore_or_refuse_on_a_terminal_status()
    {
        // arrange
        var terminal = Enum.GetValues<OrderStatus>().Where(s => s.IsTerminal()).ToList();

        // act
        var kinds = terminal
            .SelectMany(s => Enum.GetValues<OrderEventKind>().Select(k => OrderStateTable.Find(s, k).Kind))
            .Distinct()
            .Order()
            .ToList();

        // assert
        Assert.Equal([OrderTransitionKind.Ignore, OrderTransitionKind.Refuse], kinds);
    }

    [Fact]
    public void Should_refuse_a_status_outside_the_enum()
    {
        // act
        var act = () => OrderStateTable.Find((OrderStatus)11, OrderEventKind.Filled);

        // assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void Should_record_the_ack_but_stay_pending_when_the_cancel_overtook_it()
    {
        // arrange: cancel sent while the order was only Submitted
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), PendingCancel(Intent));

        // act
        var result = order.Apply(Accepted(Intent, venueOrderId: 77));

        // assert
        var applied = Assert.IsType<OrderApplyResult.Applied>(result);
        Assert.Equal(OrderStatus.PendingCancel, applied.Order.Status);
        Assert.Equal(OrderStatus.Accepted, applied.Order.StatusBeforeCancel);
        Assert.Equal(77, applied.Order.VenueOrderId?.Value);
    }

    [Fact]
    public void Should_return_to_accepted_when_a_cancel_sent_before_the_ack_is_refused()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), PendingCancel(Intent), Accepted(Intent));

        // act
        var result = order.Apply(CancelRejected(Intent));

        // assert
        Assert.Equal(OrderStatus.Accepted, Assert.IsType<OrderApplyResult.Applied>(result).Order.Status);
        Assert.Null(result.Order.StatusBeforeCancel);
    }

    [Fact]
    public void Should_accept_a_rejection_when_the_cancel_was_sent_before_any_ack()
    {
        // arrange
        var order = ApplyAll(NewOrder(Intent), Submitted(Intent), PendingCancel(Intent));

        // act
        var result = order.Apply(Rejected(Intent));

        // assert
        Assert.Equal(OrderStatus.Rejected, Assert.IsType<OrderApplyResult.Applied>(result).Order.Status);
        Assert.Null(result.Order.StatusBeforeCancel);
    }

    [Fact]
    public void Should_name_the_status_the_event_and_the_reason_when_refusing()
    {
        // arrange
        var order = OrderIn(OrderStatus.Filled);

        // act
        var result = order.Apply(Canceled(Intent));

        // assert
        var refused = Assert.IsType<OrderApplyResult.Refused>(result);
        Assert.Equal(
            "OrderCanceled refused for order rari-grid-BTCUSDT-000001 in status Filled: the order is filled; the venue cannot cancel it, reconcile.",
            refused.Error);
    }

    [Fact]
    public void Should_say_why_an_event_is_ignored()
    {
        // arrange
        var order = OrderIn(OrderStatus.PartiallyFilled);

        // act
        var result = order.Apply(Accepted(Intent));

        // assert
        var ignored = Assert.IsType<OrderApplyResult.Ignored>(result);
        Assert.Equal(
            "OrderAccepted ignored for order rari-grid-BTCUSDT-000001 in status PartiallyFilled: stale: the order is already filling.",
            ignored.Reason);
    }

    internal static Verdict VerdictOf(OrderApplyResult result) => result switch
    {
        OrderApplyResult.Applied => Verdict.Applied,
        OrderApplyResult.Ignored => Verdict.Ignored,
        OrderApplyResult.Refused => Verdict.Refused,
        _ => throw new InvalidOperationException(result.ToString()),
    };

    private static Order OrderIn(OrderStatus status)
    {
        var order = NewOrder(Intent);
        IOrderEvent[] path = status switch
        {
            OrderStatus.Initialized => [],
            OrderStatus.Denied => [Denied(Intent)],
            OrderStatus.Submitted => [Submitted(Intent)],
            OrderStatus.Accepted => [Submitted(Intent), Accepted(Intent)],
            OrderStatus.Rejected => [Submitted(Intent), Rejected(Intent)],
            OrderStatus.PendingCancel => [Submitted(Intent), Accepted(Intent), PendingCancel(Intent)],
            OrderStatus.PartiallyFilled => [Submitted(Intent), Accepted(Intent), Filled(Intent, 1, 0.4m, 100m)],
            OrderStatus.Filled => [Submitted(Intent), Accepted(Intent), Filled(Intent, 1, 1m, 100m)],
            OrderStatus.Canceled => [Submitted(Intent), Accepted(Intent), Canceled(Intent)],
            OrderStatus.Expired => [Submitted(Intent), Accepted(Intent), Expired(Intent)],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        order = ApplyAll(order, path);
        Assert.Equal(status, order.Status);
        return order;
    }

    private static IOrderEvent FreshEvent(OrderEventKind kind) => kind switch
    {
        OrderEventKind.Initialized => Initialized(Intent),
        OrderEventKind.Denied => Denied(Intent),
        OrderEventKind.Submitted => Submitted(Intent),
        OrderEventKind.Accepted => Accepted(Intent),
        OrderEventKind.Rejected => Rejected(Intent),
        OrderEventKind.PendingCancel => PendingCancel(Intent),
        OrderEventKind.CancelRejected => CancelRejected(Intent),
        OrderEventKind.Filled => Filled(Intent, 2, 0.1m, 101m),
        OrderEventKind.Canceled => Canceled(Intent),
        OrderEventKind.Expired => Expired(Intent),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
