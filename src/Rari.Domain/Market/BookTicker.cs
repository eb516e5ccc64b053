using Rari.Domain.Identifiers;

namespace Rari.Domain.Market;

/// <summary>
/// The best bid and ask of one symbol (Aster's <c>bookTicker</c> stream and <c>ticker/bookTicker</c> endpoint); the
/// cheapest way to follow the touch without keeping a full book.
/// </summary>
/// <param name="Symbol">The symbol quoted.</param>
/// <param name="BidPrice">Best bid price.</param>
/// <param name="BidQuantity">Quantity resting at the best bid.</param>
/// <param name="AskPrice">Best ask price.</param>
/// <param name="AskQuantity">Quantity resting at the best ask.</param>
/// <param name="UpdateId">The book update id this quote reflects (Aster's <c>u</c> / <c>lastUpdateId</c>); larger is newer.</param>
/// <param name="TimeMs">Transaction time of the update (Aster's <c>T</c>, or <c>time</c> from REST), UTC epoch milliseconds.</param>
public readonly record struct BookTicker(
    Symbol Symbol,
    decimal BidPrice,
    decimal BidQuantity,
    decimal AskPrice,
    decimal AskQuantity,
    long UpdateId,
    long TimeMs)
{
    /// <summary>The midpoint (bid + ask) / 2.</summary>
    public decimal Mid => (BidPrice + AskPrice) / 2m;

    /// <summary>Ask − bid; negative only if the quote is crossed.</summary>
    public decimal Spread => AskPrice - BidPrice;
}
