using Rari.Domain.Orders;

namespace Rari.Domain.Instruments;

// Rounding prices and quantities onto the instrument's grids. Decimal only; grids are anchored at minPrice / minQty.
public sealed partial record Instrument
{
    /// <summary>The lot-size filter that applies to an order type: MARKET_LOT_SIZE for MARKET, LOT_SIZE otherwise.</summary>
    /// <remarks>STOP_MARKET and TAKE_PROFIT_MARKET are checked against LOT_SIZE when placed, as Binance-style venues do.</remarks>
    public LotSizeFilter LotSizeFor(OrderType type) => type == OrderType.Market ? MarketLotSize : LotSize;

    /// <summary>Snaps a price to the tick grid in the given direction; the price bounds are not applied.</summary>
    public decimal RoundPrice(decimal price, TickRounding mode) => PriceFilter.Round(price, mode);

    /// <summary>Snaps a quantity to the step grid of the order type's lot-size filter; the bounds are not applied.</summary>
    public decimal RoundQuantity(decimal quantity, TickRounding mode, OrderType type = OrderType.Limit) =>
        LotSizeFor(type).Round(quantity, mode);

    /// <summary>
    /// Rounds an order price so the order is never worse for us than asked: a BUY rounds down, a SELL rounds up.
    /// </summary>
    /// <remarks>
    /// For a LIMIT order this keeps it passive: a bid never moves up into the book, an ask never moves down. For a
    /// stop price the same rule means a stop-loss triggers no later than asked (its loss stays within the intended
    /// stop) and a take-profit no earlier (its profit is at least the intended one).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The side is not Buy or Sell.</exception>
    public decimal RoundPriceForSide(OrderSide side, decimal price) => side switch
    {
        OrderSide.Buy => PriceFilter.Round(price, TickRounding.Down),
        OrderSide.Sell => PriceFilter.Round(price, TickRounding.Up),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Side must be Buy or Sell."),
    };

    /// <summary>Rounds a quantity down (toward zero) onto the step grid, so an order never exceeds the intended size.</summary>
    public decimal RoundQuantityDown(decimal quantity, OrderType type = OrderType.Limit) =>
        LotSizeFor(type).Round(quantity, TickRounding.Down);

    /// <summary>
    /// The smallest quantity on the step grid, and at least minQty, whose value at <paramref name="price"/> meets
    /// MIN_NOTIONAL: <c>minNotional / price</c> rounded up to the step.
    /// </summary>
    /// <param name="price">The limit price, or the mark price for a MARKET order; must be positive.</param>
    /// <param name="type">The order type, which picks LOT_SIZE or MARKET_LOT_SIZE.</param>
    /// <remarks>The result may exceed maxQty for a very low price; validating the order then reports it.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The price is not positive.</exception>
    public decimal MinQuantityForNotional(decimal price, OrderType type = OrderType.Limit)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "Price must be positive.");
        }

        var lot = LotSizeFor(type);
        var quantity = Math.Max(lot.Round(MinNotional.Notional / price, TickRounding.Up), lot.MinQty);
        if (quantity <= 0m)
        {
            quantity = lot.MinQty + lot.StepSize;
        }

        // The division may be inexact in its 28th digit; one more step settles any shortfall.
        if (price * quantity < MinNotional.Notional)
        {
            quantity += lot.StepSize;
        }

        return quantity;
    }
}
