using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Orders;

public class OrderStatusSpecs
{
    // The numbers are journaled: this table must never change, only grow.
    [Theory]
    [InlineData(OrderStatus.Initialized, 1, false, false)]
    [InlineData(OrderStatus.Denied, 2, true, false)]
    [InlineData(OrderStatus.Submitted, 3, false, true)]
    [InlineData(OrderStatus.Accepted, 4, false, true)]
    [InlineData(OrderStatus.Rejected, 5, true, false)]
    [InlineData(OrderStatus.PendingCancel, 6, false, true)]
    [InlineData(OrderStatus.PartiallyFilled, 7, false, true)]
    [InlineData(OrderStatus.Filled, 8, true, false)]
    [InlineData(OrderStatus.Canceled, 9, true, false)]
    [InlineData(OrderStatus.Expired, 10, true, false)]
    public void Should_keep_its_journaled_number_and_classify_the_status(OrderStatus status, int number, bool terminal, bool open)
    {
        // act / assert
        Assert.Equal(number, (int)status);
        Assert.Equal(terminal, status.IsTerminal());
        Assert.Equal(open, status.IsOpen());
    }

    [Fact]
    public void Should_have_exactly_the_ten_statuses()
    {
        // act / assert
        Assert.Equal(10, Enum.GetValues<OrderStatus>().Length);
    }

    [Theory]
    [InlineData(OrderEventKind.Initialized, 1)]
    [InlineData(OrderEventKind.Denied, 2)]
    [InlineData(OrderEventKind.Submitted, 3)]
    [InlineData(OrderEventKind.Accepted, 4)]
    [InlineData(OrderEventKind.Rejected, 5)]
    [InlineData(OrderEventKind.PendingCancel, 6)]
    [InlineData(OrderEventKind.CancelRejected, 7)]
    [InlineData(OrderEventKind.Filled, 8)]
    [InlineData(OrderEventKind.Canceled, 9)]
    [InlineData(OrderEventKind.Expired, 10)]
    public void Should_keep_the_journaled_number_of_each_event_kind(OrderEventKind kind, int number)
    {
        // act / assert
        Assert.Equal(number, (int)kind);
    }
}
