using Rari.Aster.Errors;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Models;

/// <summary>How a new order ended up at the venue, as far as the client could establish.</summary>
public enum OrderPlacementOutcome
{
    /// <summary>The venue answered with the order: it exists.</summary>
    Placed = 1,

    /// <summary>The venue refused the order (batch items only; a single order's refusal is thrown): it does not exist.</summary>
    Rejected = 2,

    /// <summary>The answer was lost (timeout, 5xx, −1006, −1007), and a query by client order id found the order: it exists.</summary>
    PlacedAfterUnknownStatus = 3,

    /// <summary>
    /// The answer was lost, and the order was still not found after the request could no longer be accepted (its
    /// recvWindow or nonce tolerance had passed): it was never placed. It was not re-sent.
    /// </summary>
    NotPlaced = 4,
}

/// <summary>The result of placing one order: what happened, and the order when it exists.</summary>
/// <param name="ClientOrderId">Our id of the order.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Order">The venue's order when it exists (<see cref="OrderPlacementOutcome.Placed"/> or <see cref="OrderPlacementOutcome.PlacedAfterUnknownStatus"/>).</param>
/// <param name="Error">The venue's refusal (<see cref="OrderPlacementOutcome.Rejected"/>).</param>
/// <param name="UnknownCause">The failure that left the outcome unknown and was resolved by querying, if any.</param>
public sealed record OrderPlacement(
    ClientOrderId ClientOrderId,
    OrderPlacementOutcome Outcome,
    AsterOrder? Order,
    AsterVenueError? Error = null,
    AsterApiException? UnknownCause = null)
{
    /// <summary>Whether the order exists at the venue.</summary>
    public bool Exists => Order is not null;
}
