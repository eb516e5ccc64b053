using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Execution;

/// <summary>
/// What the venue says of one order (a row of its open orders, or the answer to a query by client order id), in the
/// order model's vocabulary. The input of reconciliation: the venue is the truth about what exists and what filled.
/// </summary>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">
/// The client order id exactly as the venue reports it; it may not be a valid <see cref="Identifiers.ClientOrderId"/>
/// (the venue's own liquidation orders are named <c>autoclose-…</c>).
/// </param>
/// <param name="VenueOrderId">The venue's id of the order.</param>
/// <param name="Status">The venue's status, or null when it is one the order model does not know.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="PositionSide">BOTH in one-way mode, LONG or SHORT in hedge mode.</param>
/// <param name="Type">The type at placement, or null for a type we never trade.</param>
/// <param name="Quantity">The ordered quantity (0 for a closePosition order that has not triggered).</param>
/// <param name="ExecutedQuantity">The quantity filled so far, as the venue counts it.</param>
/// <param name="Price">The limit price (0 for market and stop orders).</param>
/// <param name="StopPrice">The trigger price (0 when none).</param>
/// <param name="TimeInForce">The time in force of a limit order; null otherwise.</param>
/// <param name="ReduceOnly">Whether the order may only reduce the position.</param>
/// <param name="ClosePosition">Whether the order closes the whole position when it triggers.</param>
/// <param name="CreatedMs">When the venue created the order, venue time, UTC epoch milliseconds.</param>
/// <param name="UpdatedMs">The order's last change, venue time, UTC epoch milliseconds.</param>
public sealed record VenueOrderReport(
    Symbol Symbol,
    string ClientOrderId,
    VenueOrderId VenueOrderId,
    OrderStatus? Status,
    OrderSide Side,
    PositionSide PositionSide,
    OrderType? Type,
    decimal Quantity,
    decimal ExecutedQuantity,
    decimal Price,
    decimal StopPrice,
    TimeInForce? TimeInForce,
    bool ReduceOnly,
    bool ClosePosition,
    long CreatedMs,
    long UpdatedMs)
{
    /// <summary>True while the venue holds the order as working: <see cref="OrderStatus.Accepted"/> or <see cref="OrderStatus.PartiallyFilled"/>.</summary>
    public bool IsOpen => Status is OrderStatus.Accepted or OrderStatus.PartiallyFilled;
}

/// <summary>The answer to a query of one order by its client order id.</summary>
public abstract record OrderLookup
{
    private OrderLookup()
    {
    }

    /// <summary>The venue knows the order.</summary>
    /// <param name="Report">What it says of it.</param>
    public sealed record Found(VenueOrderReport Report) : OrderLookup;

    /// <summary>
    /// The venue answered that it does not know the order (−2013). This speaks for the moment the query was sent, and
    /// only proves the order was never placed once that moment is past the submission's acceptance window.
    /// </summary>
    /// <param name="AskedAtMs">When the query was sent, on the venue's clock, UTC epoch milliseconds.</param>
    public sealed record NotFound(long AskedAtMs) : OrderLookup;

    /// <summary>The query itself failed (timeout, 5xx, rate limit...): the question is still open.</summary>
    /// <param name="Reason">What went wrong, for the log.</param>
    public sealed record Failed(string Reason) : OrderLookup;
}
