using System.Text.Json;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Sim.Market;

/// <summary>The mark-price, funding and ticker endpoints.</summary>
internal sealed partial class MarketEndpoints
{
    public SimReply PremiumIndex(RequestParameters p)
    {
        var time = replay.MarketTimeMs;
        var single = p.Optional("symbol") is not null;
        var markets = OneOrAll(p);
        return SimReply.Json(w =>
        {
            if (!single)
            {
                w.WriteStartArray();
            }

            foreach (var market in markets)
            {
                var price = MarketJson.Price(market, market.LastPrice);
                var (mark, index, settle, rate) = (price, price, price, market.Spec.FundingRate);
                if (live?.MarkOf(market.Symbol) is { } upstream)
                {
                    (mark, index, settle, rate) = (MarketJson.Price(market, upstream.MarkPrice), MarketJson.Price(market, upstream.IndexPrice),
                        MarketJson.Price(market, upstream.EstimatedSettlePrice), upstream.FundingRate);
                }

                w.WriteStartObject();
                w.WriteString("symbol", market.Symbol.Value);
                w.WriteString("markPrice", mark);
                w.WriteString("indexPrice", index);
                w.WriteString("estimatedSettlePrice", settle);
                w.WriteString("lastFundingRate", AsterNumber.Fixed(rate, 8));
                w.WriteString("interestRate", AsterNumber.Fixed(market.Spec.InterestRate, 8));
                w.WriteNumber("nextFundingTime", market.Spec.NextFundingTime(time));
                w.WriteNumber("time", time);
                w.WriteEndObject();
            }

            if (!single)
            {
                w.WriteEndArray();
            }
        });
    }

    /// <summary>
    /// Funding history: one entry per funding time (multiples of the symbol's interval) from the data start up to the
    /// market time, each at the symbol's configured rate.
    /// </summary>
    public SimReply FundingRate(RequestParameters p)
    {
        var limit = p.BoundedInt("limit", 100, 1, 1000);
        var start = p.OptionalLong("startTime");
        var end = p.OptionalLong("endTime");
        var now = replay.MarketTimeMs;
        var rows = new List<(MarketSymbol Market, long Time)>();
        foreach (var market in OneOrAll(p))
        {
            var interval = market.Spec.FundingIntervalMs;
            var first = market.Spec.NextFundingTime(Math.Max(market.Series.FirstOpenMs, start ?? long.MinValue) - 1);
            var last = Math.Min(now, end ?? long.MaxValue);
            for (var t = first; t <= last; t += interval)
            {
                rows.Add((market, t));
            }
        }

        rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Market.Symbol.Value, b.Market.Symbol.Value));
        var selected = start is null && end is null ? rows.TakeLast(limit) : rows.Take(limit);
        var list = selected.ToList();
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var (market, time) in list)
            {
                w.WriteStartObject();
                w.WriteString("symbol", market.Symbol.Value);
                w.WriteString("fundingRate", AsterNumber.Fixed(market.Spec.FundingRate, 8));
                w.WriteNumber("fundingTime", time);
                w.WriteString("markPrice", MarketJson.Price(market, PriceAt(market, time)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    public SimReply FundingInfo(RequestParameters p)
    {
        var markets = OneOrAll(p);
        var time = replay.MarketTimeMs;
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var market in markets)
            {
                var spec = market.Spec;
                w.WriteStartObject();
                w.WriteString("symbol", market.Symbol.Value);
                w.WriteString("interestRate", AsterNumber.Plain(spec.InterestRate));
                w.WriteNumber("time", time);
                w.WriteNumber("fundingIntervalHours", spec.FundingIntervalHours);
                w.WriteString("fundingFeeCap", AsterNumber.Plain(spec.FundingFeeCap));
                w.WriteString("fundingFeeFloor", AsterNumber.Plain(spec.FundingFeeFloor));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    public SimReply Ticker24h(RequestParameters p) => PerSymbol(p, (w, market, time) =>
        MarketJson.WriteTicker(w, market, MarketViews.Ticker(market, time)));

    public SimReply TickerPrice(RequestParameters p) => PerSymbol(p, (w, market, time) =>
    {
        w.WriteStartObject();
        w.WriteString("symbol", market.Symbol.Value);
        w.WriteString("price", MarketJson.Price(market, market.LastPrice));
        w.WriteNumber("time", time);
        w.WriteEndObject();
    });

    public SimReply BookTicker(RequestParameters p) => PerSymbol(p, (w, market, time) =>
    {
        var (bids, asks) = SyntheticBook.Top(market.Spec, market.LastPrice, 1);
        var (bid, ask, updateId) = (bids[0], asks[0], market.BookUpdateId);
        if (live?.BookTickerOf(market.Symbol) is { } quote)
        {
            (bid, ask, updateId) = (new SyntheticLevel(quote.BidPrice, quote.BidQuantity), new SyntheticLevel(quote.AskPrice, quote.AskQuantity), quote.UpdateId);
        }

        w.WriteStartObject();
        w.WriteString("symbol", market.Symbol.Value);
        w.WriteString("bidPrice", MarketJson.Price(market, bid.Price));
        w.WriteString("bidQty", MarketJson.Quantity(market, bid.Quantity));
        w.WriteString("askPrice", MarketJson.Price(market, ask.Price));
        w.WriteString("askQty", MarketJson.Quantity(market, ask.Quantity));
        w.WriteNumber("time", time);
        w.WriteNumber("lastUpdateId", updateId);
        w.WriteEndObject();
    });

    public SimReply IndexReferences(RequestParameters p)
    {
        var market = Symbol.TryParse(p.Required("symbol"), out var symbol) && replay.Find(symbol) is { } found
            ? found
            : throw new AsterErrorException(new AsterError(-1000, "Invalid symbol."));
        var time = replay.MarketTimeMs;
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", market.Symbol.Value);
            w.WriteNumber("time", time);
            w.WriteStartArray("references");
            w.WriteStartObject();
            w.WriteString("exchange", "replay");
            w.WriteString("symbol", market.Symbol.Value);
            w.WriteString("weight", "1");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private SimReply PerSymbol(RequestParameters p, Action<Utf8JsonWriter, MarketSymbol, long> write)
    {
        var time = replay.MarketTimeMs;
        var single = p.Optional("symbol") is not null;
        var markets = OneOrAll(p);
        return SimReply.Json(w =>
        {
            if (single)
            {
                write(w, markets[0], time);
                return;
            }

            w.WriteStartArray();
            foreach (var market in markets)
            {
                write(w, market, time);
            }

            w.WriteEndArray();
        });
    }

    private static decimal PriceAt(MarketSymbol market, long timeMs)
    {
        var index = market.Series.FirstAtOrAfter(timeMs);
        return index > 0 ? market.Series.Bars[index - 1].Close : market.Series.Bars[0].Open;
    }
}
