namespace Rari.Domain.Orders;

/// <summary>Where an order is in its life, from our intent to its end at the venue.</summary>
/// <remarks>
/// Journaled: the numeric values are part of the on-disk format and are never renumbered.
/// <see cref="Initialized"/> is neither open nor terminal: the order exists only on our side.
/// </remarks>
public enum OrderStatus : byte
{
    /// <summary>A strategy asked for the order; it has not been sent yet.</summary>
    Initialized = 1,

    /// <summary>Our own risk gate refused the order; it never reached the venue. Terminal.</summary>
    Denied = 2,

    /// <summary>Sent to the venue; no acknowledgement yet.</summary>
    Submitted = 3,

    /// <summary>The venue acknowledged the order (Aster <c>NEW</c>); it rests or waits for its trigger.</summary>
    Accepted = 4,

    /// <summary>The venue refused the new order; nothing was created there. Terminal.</summary>
    Rejected = 5,

    /// <summary>We asked the venue to cancel the order and wait for the answer; it may still fill.</summary>
    PendingCancel = 6,

    /// <summary>Some of the quantity filled; the rest is still working.</summary>
    PartiallyFilled = 7,

    /// <summary>The whole quantity filled. Terminal.</summary>
    Filled = 8,

    /// <summary>Cancelled by us, by a cancel-all or countdown, or by the venue. Terminal.</summary>
    Canceled = 9,

    /// <summary>Ended by the venue without a cancel request: an IOC/FOK remainder, a post-only order that would take, a self-trade expiry. Terminal.</summary>
    Expired = 10,
}

/// <summary>Questions about an <see cref="OrderStatus"/> that risk and reconciliation ask.</summary>
public static class OrderStatusExtensions
{
    /// <summary>
    /// True for <see cref="OrderStatus.Denied"/>, <see cref="OrderStatus.Rejected"/>, <see cref="OrderStatus.Filled"/>,
    /// <see cref="OrderStatus.Canceled"/> and <see cref="OrderStatus.Expired"/>: the order is finished and never changes state again.
    /// </summary>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Denied or OrderStatus.Rejected or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired;

    /// <summary>
    /// True while the venue holds or may hold the order and it may still fill: <see cref="OrderStatus.Submitted"/>,
    /// <see cref="OrderStatus.Accepted"/>, <see cref="OrderStatus.PartiallyFilled"/> and <see cref="OrderStatus.PendingCancel"/>.
    /// </summary>
    /// <remarks>
    /// Submitted counts as open on purpose: an order whose acknowledgement is late can already be filling, so
    /// exposure and open-order limits must include it.
    /// </remarks>
    public static bool IsOpen(this OrderStatus status) =>
        status is OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel;
}
