using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Live;

/// <summary>
/// Loads the most recent closed 1-minute klines of a symbol from the upstream's REST <c>klines</c>, newest page first,
/// <see cref="LiveMarketOptions.MaxKlinesPerRequest"/> at a time.
/// </summary>
/// <remarks>
/// A bar is closed when its close time is before the upstream's server time: Aster lists the minute in progress as its
/// last kline, and that one is left out (the kline stream delivers it once it closes). An upstream that serves only
/// closed bars (a replaying simulator, whose server time is the wall clock) keeps them all.
/// </remarks>
internal static class UpstreamHistory
{
    /// <summary>Up to <paramref name="count"/> closed bars, oldest first, with strictly increasing open times.</summary>
    public static async Task<IReadOnlyList<Kline>> LoadClosedAsync(AsterRestClient rest, Symbol symbol, int count, long serverTimeMs, CancellationToken cancellationToken)
    {
        var pages = new List<IReadOnlyList<AsterKline>>();
        var loaded = 0;
        long? endTime = null;
        while (loaded < count)
        {
            // One more than still needed: the newest page may hold the minute in progress.
            var limit = Math.Min(LiveMarketOptions.MaxKlinesPerRequest, count - loaded + 1);
            var page = await rest.GetKlinesAsync(symbol, KlineInterval.OneMinute, endTimeMs: endTime, limit: limit, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var closed = page.Where(k => k.CloseTime < serverTimeMs).ToList();
            if (closed.Count == 0)
            {
                break;
            }

            pages.Insert(0, closed);
            loaded += closed.Count;
            endTime = closed[0].OpenTime - 1;
            if (page.Count < limit)
            {
                // The upstream has nothing older.
                break;
            }
        }

        var bars = new List<Kline>(loaded);
        foreach (var kline in pages.SelectMany(p => p))
        {
            if (bars.Count == 0 || kline.OpenTime > bars[^1].OpenTimeMs)
            {
                bars.Add(kline.ToKline());
            }
        }

        return bars.Count > count ? bars[^count..] : bars;
    }
}
