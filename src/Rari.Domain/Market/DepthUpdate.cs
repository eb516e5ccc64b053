using Rari.Domain.Identifiers;

namespace Rari.Domain.Market;

/// <summary>
/// One event of Aster's diff-depth stream (<c>&lt;symbol&gt;@depth</c>, <c>e = depthUpdate</c>): the levels that
/// changed between two book update ids. Feed it to an <see cref="OrderBookSynchronizer"/>.
/// </summary>
/// <remarks>Lists compare by reference in the record's equality; compare levels with <c>SequenceEqual</c>.</remarks>
/// <param name="Symbol">The symbol whose book changed.</param>
/// <param name="FirstUpdateId">First book update id in the event (Aster's <c>U</c>).</param>
/// <param name="FinalUpdateId">Final book update id in the event (<c>u</c>).</param>
/// <param name="PreviousFinalUpdateId">The previous event's final update id (<c>pu</c>); must equal it, or the stream has a gap.</param>
/// <param name="Bids">Changed bid levels with absolute quantities; quantity 0 removes the level.</param>
/// <param name="Asks">Changed ask levels with absolute quantities; quantity 0 removes the level.</param>
/// <param name="EventTimeMs">Event time (<c>E</c>), UTC epoch milliseconds.</param>
public sealed record DepthUpdate(
    Symbol Symbol,
    long FirstUpdateId,
    long FinalUpdateId,
    long PreviousFinalUpdateId,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks,
    long EventTimeMs);
