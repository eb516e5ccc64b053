using Rari.Aster.Errors;

namespace Rari.Aster.Models;

/// <summary>
/// One element of a batch answer, in the order of the request: the order, or the error that item met (the venue
/// mixes both in one array, fact sheet §3.3).
/// </summary>
/// <param name="Order">The placed or cancelled order, when the item succeeded.</param>
/// <param name="Error">The item's error, when it failed.</param>
public sealed record BatchOrderResult(AsterOrder? Order, AsterVenueError? Error)
{
    /// <summary>Whether the item succeeded.</summary>
    public bool Succeeded => Order is not null;

    /// <summary>The error's category, when the item failed.</summary>
    public AsterErrorCategory? ErrorCategory => Error is { } error ? AsterErrorClassifier.Classify(null, error.Code) : null;
}
