namespace Rari.Domain.Market;

/// <summary>Which half of an order book.</summary>
public enum BookSide : byte
{
    /// <summary>Buy orders; the best bid is the highest price.</summary>
    Bid = 1,

    /// <summary>Sell orders; the best ask is the lowest price.</summary>
    Ask = 2,
}

/// <summary>One price level of an L2 book: the total quantity resting at a price.</summary>
/// <param name="Price">The level's price.</param>
/// <param name="Quantity">
/// Total quantity in base units. In a <see cref="DepthUpdate"/> it is the level's new absolute quantity, and 0 removes
/// the level.
/// </param>
public readonly record struct BookLevel(decimal Price, decimal Quantity);
