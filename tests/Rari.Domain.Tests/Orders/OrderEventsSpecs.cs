using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Orders;

public class OrderEventsSpecs
{
    private static readonly OrderIntent Intent = Limit(sequence: 9);

    public static TheoryData<IOrderEvent, OrderEventKind, long> Events => new()
    {
        { Initialized(Intent, 100), OrderEventKind.Initialized, 100 },
        { Denied(Intent, timestampMs: 101), OrderEventKind.Denied, 101 },
        { Submitted(Intent, 102), OrderEventKind.Submitted, 102 },
        { Accepted(Intent, timestampMs: 103), OrderEventKind.Accepted, 103 },
        { Rejected(Intent, timestampMs: 104), OrderEventKind.Rejected, 104 },
        { PendingCancel(Intent, 105), OrderEventKind.PendingCancel, 105 },
        { CancelRejected(Intent, timestampMs: 106), OrderEventKind.CancelRejected, 106 },
        { Filled(Intent, 1, 0.5m, 100m, timestampMs: 107), OrderEventKind.Filled, 107 },
        { Canceled(Intent, 108), OrderEventKind.Canceled, 108 },
        { Expired(Intent, 109), OrderEventKind.Expired, 109 },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Should_name_its_order_symbol_time_and_kind(IOrderEvent orderEvent, OrderEventKind kind, long timestampMs)
    {
        // act
        IWithSymbol routed = orderEvent;

        // assert
        Assert.Equal(kind, orderEvent.Kind);
        Assert.Equal(timestampMs, orderEvent.TimestampMs);
        Assert.Equal("rari-grid-BTCUSDT-000009", orderEvent.ClientOrderId.Value);
        Assert.Equal(new Symbol("BTCUSDT"), routed.Symbol);
    }

    [Fact]
    public void Should_compare_events_by_value()
    {
        // act
        var a = Filled(Intent, 5, 0.5m, 100m);
        var b = Filled(Intent, 5, 0.5m, 100m);

        // assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, Filled(Intent, 6, 0.5m, 100m));
    }
}
