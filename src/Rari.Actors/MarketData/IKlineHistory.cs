using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.MarketData;

/// <summary>
/// Recent closed klines of a symbol, for warming up a strategy's indicators after a start or a recovery (market state is
/// never journaled). Live and in test mode it reads the venue's REST klines.
/// </summary>
public interface IKlineHistory
{
    /// <summary>The last <paramref name="count"/> closed 1-minute klines of <paramref name="symbol"/>, oldest first.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="count">How many bars at most.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<IReadOnlyList<Kline>> GetClosedKlinesAsync(Symbol symbol, int count, CancellationToken cancellationToken = default);
}
