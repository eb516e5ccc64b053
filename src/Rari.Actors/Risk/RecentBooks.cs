using Rari.Actors.MarketData;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.Risk;

/// <summary>
/// The latest order book of each symbol as its supervisor passed it on, for the depth and slippage rules. A book older
/// than the allowed age (in exchange time, against the gate's latest exchange time) is not used: judging depth on a
/// stale book would be worse than saying it was not checked.
/// </summary>
internal sealed class RecentBooks(TimeSpan maxAge)
{
    private readonly long _maxAgeMs = (long)maxAge.TotalMilliseconds;
    private readonly Dictionary<Symbol, (OrderBook Book, long EventTimeMs, long UpdateId)> _books = [];

    /// <summary>Keeps the book unless a newer one of the symbol is already held.</summary>
    public void Observe(OrderBookChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (_books.TryGetValue(changed.Symbol, out var held) && changed.LastUpdateId < held.UpdateId)
        {
            return;
        }

        var book = held.Book ?? new OrderBook(changed.Symbol);
        changed.CopyTo(book);
        _books[changed.Symbol] = (book, changed.EventTimeMs, changed.LastUpdateId);
    }

    /// <summary>The symbol's book if it is recent enough at <paramref name="nowMs"/>; null otherwise.</summary>
    public OrderBook? Of(Symbol symbol, long nowMs) =>
        _books.TryGetValue(symbol, out var held) && nowMs - held.EventTimeMs <= _maxAgeMs ? held.Book : null;
}
