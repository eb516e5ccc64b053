using Rari.Domain.Identifiers;

namespace Rari.Aster.Models;

/// <summary>Names an existing order: by the venue's id (<c>orderId</c>) or by ours (<c>origClientOrderId</c>).</summary>
public readonly record struct OrderReference
{
    private OrderReference(VenueOrderId? venueOrderId, ClientOrderId? clientOrderId)
    {
        VenueOrderId = venueOrderId;
        ClientOrderId = clientOrderId;
    }

    /// <summary>The venue's id, when the order is named by it.</summary>
    public VenueOrderId? VenueOrderId { get; }

    /// <summary>Our id, when the order is named by it.</summary>
    public ClientOrderId? ClientOrderId { get; }

    /// <summary>Names an order by the venue's id.</summary>
    public static OrderReference ById(VenueOrderId id) => new(id, null);

    /// <summary>Names an order by our client order id.</summary>
    /// <exception cref="ArgumentException">The id is the default (empty) value.</exception>
    public static OrderReference ByClientId(ClientOrderId id) =>
        id.Value is not null ? new(null, id) : throw new ArgumentException("The client order id is empty.", nameof(id));

    /// <summary>The id as the venue would print it.</summary>
    public override string ToString() => VenueOrderId?.ToString() ?? ClientOrderId?.ToString() ?? string.Empty;
}
