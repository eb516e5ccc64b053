namespace Rari.Venue.Orders;

/// <summary>
/// Names an existing order of a symbol, as Aster's <c>orderId</c> / <c>origClientOrderId</c> parameters do: the
/// order id wins when both are given.
/// </summary>
/// <param name="OrderId">The venue's order id, or null.</param>
/// <param name="ClientOrderId">The client order id, or null.</param>
public readonly record struct OrderReference(long? OrderId, string? ClientOrderId)
{
    /// <summary>Refers to an order by the venue's id.</summary>
    public static OrderReference ById(long orderId) => new(orderId, null);

    /// <summary>Refers to an order by its client order id.</summary>
    public static OrderReference ByClientId(string clientOrderId) => new(null, clientOrderId);
}
