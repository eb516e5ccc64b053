namespace Rari.Domain.Orders;

/// <summary>
/// What <see cref="Order.Apply"/> made of an event: <see cref="Applied"/>, <see cref="Ignored"/> or <see cref="Refused"/>.
/// <see cref="Order"/> is always the state after the event, unchanged unless applied.
/// </summary>
public abstract record OrderApplyResult
{
    private OrderApplyResult(Order order) => Order = order;

    /// <summary>The order after the event: the new state if applied, the unchanged state otherwise.</summary>
    public Order Order { get; }

    /// <summary>The event changed the order; <see cref="OrderApplyResult.Order"/> is the new state.</summary>
    public sealed record Applied : OrderApplyResult
    {
        /// <summary>Wraps the new state.</summary>
        public Applied(Order order)
            : base(order)
        {
        }
    }

    /// <summary>A duplicate or stale event, normal on a real exchange; the state is unchanged.</summary>
    public sealed record Ignored : OrderApplyResult
    {
        /// <summary>Wraps the unchanged state and the reason.</summary>
        public Ignored(Order order, string reason)
            : base(order) => Reason = reason;

        /// <summary>Why the event adds nothing, for the log.</summary>
        public string Reason { get; }
    }

    /// <summary>
    /// An impossible transition; the state is unchanged. It means our view and the venue's disagree (or a bug), so the
    /// caller should alert and reconcile.
    /// </summary>
    public sealed record Refused : OrderApplyResult
    {
        /// <summary>Wraps the unchanged state and the error.</summary>
        public Refused(Order order, string error)
            : base(order) => Error = error;

        /// <summary>Names the order, its status, the event and why the event cannot apply.</summary>
        public string Error { get; }
    }
}
