using System.Text.Json;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Market;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Streams;
using Rari.Domain.Market;

namespace Rari.Aster.Sim.Live;

/// <summary>
/// The upstream's market events written back in Aster's stream shapes (fact sheet §4.3) for the simulator's own
/// subscribers. Every payload keeps the upstream's event time <c>E</c> and ids; prices keep at least the tick's decimals,
/// quantities the step's.
/// </summary>
internal static class LivePayloads
{
    public static string AggTrade(MarketSymbol market, Trade trade, long eventTimeMs)
    {
        // The upstream's aggregate id stands for its first and last trade ids: the client parses only the aggregate.
        var written = new SyntheticTrade(trade.Id, trade.Price, trade.Quantity, trade.TimeMs, trade.IsBuyerMaker);
        return JsonBody.BuildText(w => MarketStreamPayloads.WriteAggTrade(w, market, written, eventTimeMs));
    }

    public static string MarkPrice(MarketSymbol market, MarkPriceUpdate mark, long eventTimeMs) =>
        JsonBody.BuildText(w => MarketStreamPayloads.WriteMarkPrice(w, market, eventTimeMs, mark));

    public static string BookTicker(MarketSymbol market, BookTicker ticker, long eventTimeMs) => JsonBody.BuildText(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "bookTicker");
        w.WriteNumber("u", ticker.UpdateId);
        w.WriteNumber("E", eventTimeMs);
        w.WriteNumber("T", ticker.TimeMs);
        w.WriteString("s", market.Symbol.Value);
        w.WriteString("b", MarketJson.Price(market, ticker.BidPrice));
        w.WriteString("B", MarketJson.Quantity(market, ticker.BidQuantity));
        w.WriteString("a", MarketJson.Price(market, ticker.AskPrice));
        w.WriteString("A", MarketJson.Quantity(market, ticker.AskQuantity));
        w.WriteEndObject();
    });

    // The upstream's first and last trade ids of the bar are not carried by KlineUpdate: they are left out.
    public static string Kline(MarketSymbol market, KlineUpdate update, long eventTimeMs) =>
        JsonBody.BuildText(w => MarketStreamPayloads.WriteKline(w, market, eventTimeMs, update, tradeIds: null));

    public static string DiffDepth(MarketSymbol market, DepthUpdate update, long eventTimeMs) => JsonBody.BuildText(w =>
    {
        w.WriteStartObject();
        w.WriteString("e", "depthUpdate");
        w.WriteNumber("E", eventTimeMs);
        w.WriteNumber("T", update.EventTimeMs);
        w.WriteString("s", market.Symbol.Value);
        w.WriteNumber("U", update.FirstUpdateId);
        w.WriteNumber("u", update.FinalUpdateId);
        w.WriteNumber("pu", update.PreviousFinalUpdateId);
        Levels(w, "b", market, update.Bids);
        Levels(w, "a", market, update.Asks);
        w.WriteEndObject();
    });

    private static void Levels(Utf8JsonWriter w, string name, MarketSymbol market, IReadOnlyList<BookLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(MarketJson.Price(market, level.Price));
            w.WriteStringValue(MarketJson.Quantity(market, level.Quantity));
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }
}
