namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// What the hybrid strategy needs from a child beyond <see cref="ITradingStrategy"/>: to take a position away from it
/// and to give it one. Both methods only <em>create</em> the event; the hybrid journals it and the child folds it with
/// <see cref="ITradingStrategy.Apply"/>, as with any decision.
/// </summary>
/// <remarks>
/// A minimal addition to the strategy contract (proposed for <c>Strategies/</c>): a child's books must follow its
/// position when the hybrid closes it or hands it to the other child, or the child would later act on inventory that
/// no longer exists. The hybrid calls these only after every order of the outgoing child has ended (or the cancel
/// timeout passed), and only on a flat incoming child.
/// </remarks>
public interface IPositionTransfer
{
    /// <summary>
    /// Creates the event after which the strategy owns no position and no round trip any more (the hybrid closes the
    /// position itself or hands it on); the next time it is active it starts from a flat book.
    /// </summary>
    /// <param name="timestampMs">Market time of the release, UTC epoch milliseconds.</param>
    /// <param name="reason">Why, for the audit log.</param>
    IStrategyEvent ReleasePosition(long timestampMs, string reason);

    /// <summary>
    /// The position the strategy holds by its own books (its fills and what it inherited). The hybrid reads it before a
    /// release, because a fill the strategy has seen may not yet be in the account view it gets from its host.
    /// </summary>
    OwnedPosition OwnedPosition { get; }

    /// <summary>
    /// Creates the event after which the strategy owns the given position and manages its exits as if it had opened it.
    /// </summary>
    /// <param name="signedQuantity">The net position, base units: positive long, negative short, never 0.</param>
    /// <param name="entryPrice">Its average entry price, positive.</param>
    /// <param name="timestampMs">Market time of the hand-over, UTC epoch milliseconds.</param>
    /// <exception cref="InvalidOperationException">The strategy is not flat.</exception>
    IStrategyEvent InheritPosition(decimal signedQuantity, decimal entryPrice, long timestampMs);
}
