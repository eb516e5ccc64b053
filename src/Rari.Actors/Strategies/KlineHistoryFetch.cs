using Rari.Actors.MarketData;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.Strategies;

/// <summary>One bounded request for recent closed klines, for actors to pipe to themselves.</summary>
public static class KlineHistoryFetch
{
    /// <summary>
    /// Asks <paramref name="history"/> for the last <paramref name="count"/> closed klines, cancelled after
    /// <paramref name="timeout"/>. Never throws: a source that fails at once gives a faulted task like one that fails later.
    /// </summary>
    public static Task<IReadOnlyList<Kline>> Start(IKlineHistory history, Symbol symbol, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(history);
        var cancellation = new CancellationTokenSource(timeout);
        Task<IReadOnlyList<Kline>> fetch;
        try
        {
            fetch = history.GetClosedKlinesAsync(symbol, count, cancellation.Token);
        }
        catch (Exception e)
        {
            fetch = Task.FromException<IReadOnlyList<Kline>>(e);
        }

        fetch.ContinueWith(_ => cancellation.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return fetch;
    }
}
