using Rari.Actors.Execution;
using Rari.Actors.Strategies;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Actors.Tests.Strategies;

/// <summary>The gateway's order reports as the order events a strategy understands.</summary>
public sealed class OrderReportEventsSpecs
{
    private const long Now = 1_746_000_000_000;
    private static readonly OrderIntent Intent = TestOrders.Limit();

    public static TheoryData<OrderStatus, OrderEventKind?> Terminals => new()
    {
        { OrderStatus.Canceled, OrderEventKind.Canceled },
        { OrderStatus.Expired, OrderEventKind.Expired },
        { OrderStatus.Rejected, OrderEventKind.Rejected },
        { OrderStatus.Denied, OrderEventKind.Denied },
        { OrderStatus.Filled, null },
        { OrderStatus.Accepted, null },
        { OrderStatus.Submitted, null },
        { OrderStatus.PartiallyFilled, null },
        { OrderStatus.PendingCancel, null },
    };

    [Fact]
    public void Should_deny_an_order_the_gateway_never_received()
    {
        // act
        var events = EventsOf(new OrderStatusReport(Intent.ClientOrderId, null, null, null, [], null));

        // assert
        var denied = Assert.IsType<OrderDenied>(Assert.Single(events));
        Assert.Equal(Intent.ClientOrderId, denied.ClientOrderId);
        Assert.Equal(Now, denied.TimestampMs);
        Assert.Contains("lost before reaching the gateway", denied.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Terminals))]
    public void Should_give_every_fill_then_the_end_the_status_tells(OrderStatus status, OrderEventKind? end)
    {
        // arrange
        var first = TestOrders.Filled(Intent, tradeId: 1, quantity: 0.4m, price: 100m, timestampMs: 10).Fill;
        var second = TestOrders.Filled(Intent, tradeId: 2, quantity: 0.1m, price: 100m, timestampMs: 11).Fill;

        // act
        var events = EventsOf(new OrderStatusReport(Intent.ClientOrderId, status, new VenueOrderId(5), 1m, [first, second], "why"));

        // assert: fills keep their own time and carry no order quantity; the end is stamped now
        Assert.Equal([first, second], events.Take(2).Cast<OrderFilled>().Select(f => f.Fill));
        Assert.All(events.Take(2).Cast<OrderFilled>(), f => Assert.Null(f.OrderQuantity));
        Assert.Equal(end is null ? 2 : 3, events.Count);
        if (end is { } kind)
        {
            Assert.Equal(kind, events[2].Kind);
            Assert.Equal(Now, events[2].TimestampMs);
        }
    }

    private static List<IOrderEvent> EventsOf(OrderStatusReport report)
    {
        var events = new List<IOrderEvent>();
        OrderReportEvents.AddTo(new OrderReports(Intent.Symbol, Intent.StrategyId, [report]), Now, events);
        return events;
    }
}
