using Rari.Domain.Orders;

namespace Rari.Domain.Market;

/// <summary>
/// The outcome of sweeping the book with a hypothetical market order (<see cref="OrderBook.EstimateMarketFill"/>):
/// how much would fill, at what average and worst price, measured from the touch.
/// </summary>
/// <remarks>When nothing fills (the side is empty) every price is 0; check <see cref="FilledQuantity"/> first.</remarks>
/// <param name="Side">The hypothetical order's side: a buy takes asks, a sell takes bids.</param>
/// <param name="RequestedQuantity">The quantity asked for.</param>
/// <param name="FilledQuantity">The quantity the book could supply, at most <paramref name="RequestedQuantity"/>.</param>
/// <param name="Notional">Σ price × quantity over the levels taken, in the quote asset (exact).</param>
/// <param name="AveragePrice">Volume-weighted average price, <paramref name="Notional"/> / <paramref name="FilledQuantity"/> (decimal division, 28 significant digits).</param>
/// <param name="WorstPrice">The last (least favourable) price level reached.</param>
/// <param name="TouchPrice">The best price on the side taken before the sweep.</param>
/// <param name="LevelsConsumed">How many price levels the sweep reached, including a partly taken last one.</param>
public readonly record struct MarketFillEstimate(
    OrderSide Side,
    decimal RequestedQuantity,
    decimal FilledQuantity,
    decimal Notional,
    decimal AveragePrice,
    decimal WorstPrice,
    decimal TouchPrice,
    int LevelsConsumed)
{
    /// <summary>True when the book held enough to fill the whole requested quantity.</summary>
    public bool IsComplete => FilledQuantity == RequestedQuantity;

    /// <summary>The part the book could not supply.</summary>
    public decimal UnfilledQuantity => RequestedQuantity - FilledQuantity;

    /// <summary>
    /// Cost of the sweep relative to the touch as a fraction of the touch price, positive when worse than the touch:
    /// (average − touch) / touch for a buy, (touch − average) / touch for a sell; 0 when nothing filled.
    /// </summary>
    public decimal SlippageFraction => FilledQuantity == 0m
        ? 0m
        : (Side == OrderSide.Buy ? AveragePrice - TouchPrice : TouchPrice - AveragePrice) / TouchPrice;
}
