namespace Rari.Domain.Orders;

/// <summary>Which order event happened; the column of the order state table.</summary>
/// <remarks>Journaled: the numeric values are never renumbered.</remarks>
public enum OrderEventKind : byte
{
    /// <summary><see cref="OrderInitialized"/>.</summary>
    Initialized = 1,

    /// <summary><see cref="OrderDenied"/>.</summary>
    Denied = 2,

    /// <summary><see cref="OrderSubmitted"/>.</summary>
    Submitted = 3,

    /// <summary><see cref="OrderAccepted"/>.</summary>
    Accepted = 4,

    /// <summary><see cref="OrderRejected"/>.</summary>
    Rejected = 5,

    /// <summary><see cref="OrderPendingCancel"/>.</summary>
    PendingCancel = 6,

    /// <summary><see cref="OrderCancelRejected"/>.</summary>
    CancelRejected = 7,

    /// <summary><see cref="OrderFilled"/>.</summary>
    Filled = 8,

    /// <summary><see cref="OrderCanceled"/>.</summary>
    Canceled = 9,

    /// <summary><see cref="OrderExpired"/>.</summary>
    Expired = 10,
}
