using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Market;
using Rari.Aster.Sim.RateLimits;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Instruments;

namespace Rari.Aster.Sim.Instruments;

/// <summary>
/// Endpoints answered from the instrument rules alone: <c>exchangeInfo</c> (futures and the spot one ccxt loads),
/// <c>leverageBracket</c> and <c>commissionRate</c>.
/// </summary>
internal sealed class InfoEndpoints(MarketReplay replay, MarketEndpoints market, RateLimitSettings limits, TimeProvider time)
{
    public SimReply ExchangeInfo() =>
        SimReply.Json(w => ExchangeInfoWriter.Write(w, replay.Symbols.Select(s => s.Spec), limits, time.GetUtcNow().ToUnixTimeMilliseconds()));

    public SimReply SpotExchangeInfo() =>
        SimReply.Json(w => ExchangeInfoWriter.WriteSpot(w, limits, time.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>An array of every symbol's brackets, or a single object when a symbol is sent (fact sheet §3.4).</summary>
    public SimReply LeverageBracket(RequestParameters p)
    {
        var single = p.Optional("symbol") is not null;
        var markets = market.OneOrAll(p);
        return SimReply.Json(w =>
        {
            if (!single)
            {
                w.WriteStartArray();
            }

            foreach (var symbol in markets)
            {
                w.WriteStartObject();
                w.WriteString("symbol", symbol.Symbol.Value);
                w.WriteStartArray("brackets");
                foreach (var bracket in symbol.Spec.Instrument.LeverageBrackets)
                {
                    WriteBracket(w, bracket);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (!single)
            {
                w.WriteEndArray();
            }
        });
    }

    public SimReply CommissionRate(RequestParameters p)
    {
        var symbol = market.Require(p);
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("symbol", symbol.Symbol.Value);
            w.WriteString("makerCommissionRate", AsterNumber.Plain(symbol.Spec.MakerCommissionRate));
            w.WriteString("takerCommissionRate", AsterNumber.Plain(symbol.Spec.TakerCommissionRate));
            w.WriteEndObject();
        });
    }

    // Numbers, as Binance-style venues send the bracket table; ccxt reads numbers or strings alike.
    private static void WriteBracket(System.Text.Json.Utf8JsonWriter w, LeverageBracket bracket)
    {
        w.WriteStartObject();
        w.WriteNumber("bracket", bracket.Bracket);
        w.WriteNumber("initialLeverage", bracket.InitialLeverage);
        w.WriteNumber("notionalCap", bracket.NotionalCap);
        w.WriteNumber("notionalFloor", bracket.NotionalFloor);
        w.WriteNumber("maintMarginRatio", bracket.MaintMarginRatio);
        w.WriteNumber("cum", bracket.Cum);
        w.WriteEndObject();
    }
}
