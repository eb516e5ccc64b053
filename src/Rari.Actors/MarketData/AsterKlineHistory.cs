using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.MarketData;

/// <summary>
/// <see cref="IKlineHistory"/> over Aster's REST klines: closed 1-minute bars only, oldest first, paged backwards when
/// more than one request's worth (1500) is asked for.
/// </summary>
/// <remarks>
/// The venue's newest bar is usually still open. The server time is read first and a bar counts as closed only when its
/// close time lies before it: the klines, read after, then certainly hold the bar's final values.
/// </remarks>
/// <param name="rest">The REST client.</param>
public sealed class AsterKlineHistory(AsterRestClient rest) : IKlineHistory
{
    /// <summary>The most bars Aster returns per request.</summary>
    public const int MaxPageSize = 1500;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="Rari.Aster.Errors.AsterApiException">A request failed.</exception>
    public async Task<IReadOnlyList<Kline>> GetClosedKlinesAsync(Symbol symbol, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        var serverNow = await rest.GetServerTimeAsync(cancellationToken).ConfigureAwait(false);
        var pages = new List<IReadOnlyList<AsterKline>>();
        var closed = 0;
        long? endTime = null;
        while (closed < count)
        {
            // One bar more than needed on the first page: the newest may still be open.
            var limit = Math.Min(MaxPageSize, count - closed + (endTime is null ? 1 : 0));
            var page = await rest.GetKlinesAsync(symbol, KlineInterval.OneMinute, null, endTime, limit, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            foreach (var bar in page)
            {
                if (bar.CloseTime < serverNow)
                {
                    closed++;
                }
            }

            if (page.Count < limit)
            {
                break; // The venue has nothing older.
            }

            endTime = page[0].OpenTime - 1;
        }

        return OldestFirst(pages, serverNow, count);
    }

    /// <summary>The closed bars of pages fetched newest page first, oldest first, each open time once, the last <paramref name="count"/>.</summary>
    private static List<Kline> OldestFirst(List<IReadOnlyList<AsterKline>> pages, long serverNow, int count)
    {
        var bars = new List<Kline>();
        var lastOpen = long.MinValue;
        for (var p = pages.Count - 1; p >= 0; p--)
        {
            foreach (var bar in pages[p])
            {
                if (bar.CloseTime < serverNow && bar.OpenTime > lastOpen)
                {
                    bars.Add(bar.ToKline());
                    lastOpen = bar.OpenTime;
                }
            }
        }

        return bars.Count > count ? bars.GetRange(bars.Count - count, count) : bars;
    }
}
