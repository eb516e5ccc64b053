using Rari.Domain.Identifiers;

namespace Rari.Domain.Market;

/// <summary>
/// A full order-book snapshot from Aster's <c>depth</c> endpoint: the book as of <see cref="LastUpdateId"/>. It
/// starts (and, after a gap, restarts) a book kept up to date with <see cref="DepthUpdate"/> events.
/// </summary>
/// <remarks>Lists compare by reference in the record's equality; compare levels with <c>SequenceEqual</c>.</remarks>
/// <param name="Symbol">The symbol requested.</param>
/// <param name="LastUpdateId">The book update id the snapshot reflects (<c>lastUpdateId</c>).</param>
/// <param name="Bids">Bid levels, any order; levels with quantity 0 are ignored.</param>
/// <param name="Asks">Ask levels, any order; levels with quantity 0 are ignored.</param>
/// <param name="TimeMs">Transaction time (<c>T</c>), UTC epoch milliseconds.</param>
public sealed record DepthSnapshot(
    Symbol Symbol,
    long LastUpdateId,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks,
    long TimeMs);
