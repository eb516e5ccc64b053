using Rari.Aster.Sim.Replay;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Market;

/// <summary>The rolling 24-hour statistics of a symbol at the current market time.</summary>
/// <param name="OpenPrice">Open of the first bar in the window (the last price when the window is empty).</param>
/// <param name="PrevClosePrice">Close of the bar before the window, or the open price.</param>
/// <param name="HighPrice">Highest high in the window.</param>
/// <param name="LowPrice">Lowest low in the window.</param>
/// <param name="LastPrice">The last price.</param>
/// <param name="LastQuantity">Quantity of the last synthetic trade.</param>
/// <param name="Volume">Base volume in the window.</param>
/// <param name="QuoteVolume">Quote volume in the window.</param>
/// <param name="OpenTimeMs">Start of the window: the first bar's open time.</param>
/// <param name="CloseTimeMs">End of the window: the last trade's time.</param>
/// <param name="FirstTradeId">First synthetic trade id in the window, −1 when none.</param>
/// <param name="LastTradeId">Last synthetic trade id in the window, −1 when none.</param>
/// <param name="Count">Number of synthetic trades in the window.</param>
internal sealed record Ticker24h(
    decimal OpenPrice,
    decimal PrevClosePrice,
    decimal HighPrice,
    decimal LowPrice,
    decimal LastPrice,
    decimal LastQuantity,
    decimal Volume,
    decimal QuoteVolume,
    long OpenTimeMs,
    long CloseTimeMs,
    long FirstTradeId,
    long LastTradeId,
    long Count)
{
    public decimal PriceChange => LastPrice - OpenPrice;

    public decimal PriceChangePercent => OpenPrice == 0m ? 0m : Math.Round(PriceChange / OpenPrice * 100m, 3, MidpointRounding.AwayFromZero);

    public decimal WeightedAveragePrice => Volume == 0m ? LastPrice : QuoteVolume / Volume;
}

/// <summary>Market views computed from the replayed bars: shared by the REST endpoints and the streams.</summary>
internal static class MarketViews
{
    private const long DayMs = 86_400_000;

    /// <summary>The rolling 24 h window ending at <paramref name="marketTimeMs"/> over the replayed bars.</summary>
    public static Ticker24h Ticker(MarketSymbol market, long marketTimeMs)
    {
        var series = market.Series;
        var end = market.ReplayedCount;
        var start = Math.Min(series.FirstAtOrAfter(marketTimeMs - DayMs), end);
        var decimals = market.Spec.QuantityDecimals;
        var last = market.LastPrice;
        if (start >= end)
        {
            return new Ticker24h(last, last, last, last, last, 0m, 0m, 0m, marketTimeMs - DayMs, marketTimeMs, -1, -1, 0);
        }

        decimal high = decimal.MinValue, low = decimal.MaxValue, volume = 0m, quote = 0m;
        long firstId = -1, lastId = -1, count = 0;
        var lastQuantity = 0m;
        var closeTime = series.Bars[start].OpenTimeMs;
        for (var i = start; i < end; i++)
        {
            var bar = series.Bars[i];
            high = Math.Max(high, bar.High);
            low = Math.Min(low, bar.Low);
            volume += bar.Volume;
            quote += SyntheticTrades.QuoteVolume(series, i, decimals);
            foreach (var trade in SyntheticTrades.Of(series, i, decimals))
            {
                firstId = firstId < 0 ? trade.Id : firstId;
                lastId = trade.Id;
                lastQuantity = trade.Quantity;
                closeTime = trade.TimeMs;
                count++;
            }
        }

        var open = series.Bars[start].Open;
        var previousClose = start > 0 ? series.Bars[start - 1].Close : open;
        return new Ticker24h(open, previousClose, high, low, last, lastQuantity, volume, quote, series.Bars[start].OpenTimeMs, closeTime, firstId, lastId, count);
    }

    /// <summary>
    /// Replayed 1-minute bar <paramref name="index"/>, with quote volume and trade count filled from the synthetic
    /// trades where the recording lacks them.
    /// </summary>
    public static Kline Enriched(MarketSymbol market, int index)
    {
        var series = market.Series;
        var decimals = market.Spec.QuantityDecimals;
        return series.Bars[index] with
        {
            QuoteVolume = SyntheticTrades.QuoteVolume(series, index, decimals),
            Trades = SyntheticTrades.TradeCount(series, index, decimals),
        };
    }

    /// <summary>Taker-buy base and quote volume over the replayed 1-minute bars opening in [fromMs, toMs).</summary>
    public static (decimal Base, decimal Quote) TakerBuy(MarketSymbol market, long fromMs, long toMs)
    {
        var series = market.Series;
        var end = Math.Min(series.FirstAtOrAfter(toMs), market.ReplayedCount);
        decimal baseVolume = 0m, quoteVolume = 0m;
        for (var i = series.FirstAtOrAfter(fromMs); i < end; i++)
        {
            var (b, q) = SyntheticTrades.TakerBuyVolume(series, i, market.Spec.QuantityDecimals);
            baseVolume += b;
            quoteVolume += q;
        }

        return (baseVolume, quoteVolume);
    }

    /// <summary>The aggregate bar of <paramref name="interval"/> holding replayed bar <paramref name="index"/>, built from its first bar up to that one.</summary>
    public static (Kline Bar, bool Closed) BarInProgress(MarketSymbol market, KlineInterval interval, int index)
    {
        var series = market.Series;
        var bar = series.Bars[index];
        var open = interval.OpenTimeOf(bar.OpenTimeMs);
        var closed = bar.OpenTimeMs + SymbolSeries.BarMs == interval.NextOpenTime(bar.OpenTimeMs);
        if (interval == KlineInterval.OneMinute)
        {
            return (Enriched(market, index), true);
        }

        var first = series.FirstAtOrAfter(open);
        var aggregate = Enriched(market, first) with { OpenTimeMs = open };
        for (var i = first + 1; i <= index; i++)
        {
            var next = Enriched(market, i);
            aggregate = aggregate with
            {
                High = Math.Max(aggregate.High, next.High),
                Low = Math.Min(aggregate.Low, next.Low),
                Close = next.Close,
                Volume = aggregate.Volume + next.Volume,
                QuoteVolume = aggregate.QuoteVolume + next.QuoteVolume,
                Trades = aggregate.Trades + next.Trades,
            };
        }

        return (aggregate, closed);
    }

    /// <summary>
    /// The klines a <c>klines</c> request selects (fact sheet §3.1): bars of <paramref name="interval"/> whose open time
    /// is in [startTime, endTime], the first <paramref name="limit"/> from startTime when it is given, otherwise the last
    /// <paramref name="limit"/> up to endTime or now. Only replayed data is visible; the current, unfinished bar of a
    /// longer interval is included, as on the exchange.
    /// </summary>
    public static IReadOnlyList<Kline> Select(MarketSymbol market, KlineInterval interval, long? startMs, long? endMs, int limit)
    {
        var series = market.Series;
        var visible = market.ReplayedCount;
        if (visible == 0)
        {
            return [];
        }

        var hi = endMs is { } end ? Math.Min(series.FirstAtOrAfter(interval.NextOpenTime(end)), visible) : visible;
        int lo;
        if (startMs is { } start)
        {
            lo = series.FirstAtOrAfter(interval.IsOpenTime(start) ? start : interval.NextOpenTime(start));
        }
        else if (hi > 0)
        {
            var lastOpen = interval.OpenTimeOf(series.Bars[hi - 1].OpenTimeMs);
            lo = series.FirstAtOrAfter(StepBack(interval, lastOpen, limit - 1));
        }
        else
        {
            return [];
        }

        if (lo >= hi)
        {
            return [];
        }

        var range = Enumerable.Range(lo, hi - lo).Select(i => Enriched(market, i));
        var bars = interval == KlineInterval.OneMinute
            ? range.ToList()
            : [.. KlineAggregator.Aggregate(range, KlineInterval.OneMinute, interval, emitUnfinishedLast: true)];
        return startMs is null ? bars.TakeLast(limit).ToList() : bars.Take(limit).ToList();
    }

    /// <summary>The open time <paramref name="bars"/> bars of <paramref name="interval"/> before <paramref name="openMs"/>.</summary>
    public static long StepBack(KlineInterval interval, long openMs, int bars) => interval.IsFixedLength
        ? openMs - (bars * interval.DurationMs)
        : DateTimeOffset.FromUnixTimeMilliseconds(openMs).AddMonths(-bars).ToUnixTimeMilliseconds();
}
