namespace Rari.Venue.Matching;

/// <summary>One level a taker order takes from: the price, the quantity taken, and where the level came from.</summary>
/// <param name="Price">The level's price, the fill price.</param>
/// <param name="Quantity">The quantity taken there.</param>
/// <param name="RecordedLevelQuantity">The recorded level's quantity before the take, or 0 for a synthetic level.</param>
internal readonly record struct BookTake(decimal Price, decimal Quantity, decimal RecordedLevelQuantity)
{
    /// <summary>Whether the level came from the recorded L2 book (and must be consumed there).</summary>
    public bool IsRecorded => RecordedLevelQuantity > 0m;
}
