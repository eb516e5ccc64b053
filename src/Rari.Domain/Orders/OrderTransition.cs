namespace Rari.Domain.Orders;

/// <summary>What the order state table does with one (status, event) pair.</summary>
/// <remarks>Journaled nowhere, but numbered explicitly like every enum of the domain.</remarks>
public enum OrderTransitionKind : byte
{
    /// <summary>Move to <see cref="OrderTransition.To"/>.</summary>
    MoveTo = 1,

    /// <summary>Account the fill and move to <see cref="OrderStatus.PartiallyFilled"/> or <see cref="OrderStatus.Filled"/>.</summary>
    ApplyFill = 2,

    /// <summary>The cancel failed: go back to the status the order had before <see cref="OrderStatus.PendingCancel"/>.</summary>
    RestoreBeforeCancel = 3,

    /// <summary>
    /// An acknowledgement while a cancel is pending: recorded (venue id, acknowledged) if the order was sent but not yet
    /// acknowledged when we asked to cancel it, otherwise ignored as a duplicate or stale acknowledgement.
    /// </summary>
    AcknowledgeDuringCancel = 4,

    /// <summary>
    /// A rejection while a cancel is pending: applied if the order was not yet acknowledged when we asked to cancel it
    /// (the submission failed), otherwise refused, because the venue does not reject an order it has acknowledged.
    /// </summary>
    RejectDuringCancel = 5,

    /// <summary>A duplicate or stale event: nothing changes.</summary>
    Ignore = 6,

    /// <summary>An impossible transition: nothing changes and the caller hears why.</summary>
    Refuse = 7,
}

/// <summary>One entry of <see cref="OrderStateTable"/>: what to do and why.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="To">The target status of <see cref="OrderTransitionKind.MoveTo"/>; null for every other kind.</param>
/// <param name="Reason">The real-world reason for the entry; it becomes the message of an ignored or refused event.</param>
public sealed record OrderTransition(OrderTransitionKind Kind, OrderStatus? To, string Reason);
