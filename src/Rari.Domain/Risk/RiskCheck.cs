using Rari.Domain.Orders;

namespace Rari.Domain.Risk;

/// <summary>
/// The order as one rule sees it: the request, the quantity the earlier rules left it, the symbol's view and the whole
/// context, with the figures every rule needs derived from them (direction, reference price, the part of the order that
/// closes the current position and the part that opens new exposure).
/// </summary>
/// <remarks>
/// Quantities are those of the position the order trades: the BOTH position in one-way mode, the LONG or SHORT leg in
/// hedge mode. A struct so that the engine builds one per rule without allocating.
/// </remarks>
public readonly struct RiskCheck
{
    /// <summary>Creates the view of an order at <paramref name="quantity"/>.</summary>
    /// <exception cref="ArgumentException">The view is not of the order's symbol.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is not positive.</exception>
    public RiskCheck(RiskRequest request, decimal quantity, SymbolRiskView view, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (view.Symbol != request.Intent.Symbol)
        {
            throw new ArgumentException($"The view of {view.Symbol} cannot judge an order in {request.Intent.Symbol}.", nameof(view));
        }

        Request = request;
        Quantity = quantity;
        View = view;
        Context = context;
    }

    /// <summary>The order and its stop information.</summary>
    public RiskRequest Request { get; }

    /// <summary>The order intent.</summary>
    public OrderIntent Intent => Request.Intent;

    /// <summary>The quantity being judged: the intent's, or less after an earlier rule resized it.</summary>
    public decimal Quantity { get; }

    /// <summary>The order's symbol as the context sees it.</summary>
    public SymbolRiskView View { get; }

    /// <summary>The whole context.</summary>
    public RiskContext Context { get; }

    /// <summary>+1 for a BUY (adds long exposure), −1 for a SELL.</summary>
    public int Direction => Intent.Side == OrderSide.Buy ? 1 : -1;

    /// <summary>
    /// The price the order is valued at: the limit price of a LIMIT order, the stop price of a triggered order, the mark
    /// price of a MARKET order.
    /// </summary>
    public decimal ReferencePrice => Intent.Type switch
    {
        OrderType.Limit => Intent.Price!.Value,
        OrderType.Market => View.MarkPrice,
        _ => Intent.StopPrice!.Value,
    };

    /// <summary>The order's value at the reference price, USDT.</summary>
    public decimal Notional => Quantity * ReferencePrice;

    /// <summary>Signed quantity of the position the order trades, before it.</summary>
    public decimal PositionQuantity => View.QuantityOn(Intent.PositionSide);

    /// <summary>The part of the order that closes the current position: the overlap with an opposite position, else 0.</summary>
    public decimal ClosingQuantity
    {
        get
        {
            var position = PositionQuantity;
            return Math.Sign(position) == -Direction ? Math.Min(Quantity, Math.Abs(position)) : 0m;
        }
    }

    /// <summary>The part of the order that opens or adds exposure: <c>Quantity − ClosingQuantity</c>.</summary>
    public decimal OpeningQuantity => Quantity - ClosingQuantity;

    /// <summary>Signed quantity of the position if the whole order fills.</summary>
    public decimal ResultingQuantity => PositionQuantity + (Direction * Quantity);
}
