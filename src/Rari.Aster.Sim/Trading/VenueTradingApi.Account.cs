using Rari.Aster.Sim.Http;
using Rari.Domain.Portfolio;

namespace Rari.Aster.Sim.Trading;

// Account reads: balance, account, position risk, trades, income, ADL quantile, remaining openable notional.
public sealed partial class VenueTradingApi
{
    private SimReply Balance(TradingCall call)
    {
        var balance = Require(_venue.GetBalance(AccountOf(call)));
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            AccountJson.WriteBalance(w, call.Account.Name, balance);
            w.WriteEndArray();
        });
    }

    private SimReply Account(TradingCall call)
    {
        var summary = Require(_venue.GetAccountSummary(AccountOf(call)));
        return SimReply.Json(w => AccountJson.WriteAccount(w, summary, SpecOf));
    }

    private SimReply PositionRisk(TradingCall call)
    {
        var market = OptionalSymbol(call);
        var rows = Require(_venue.GetPositionRisk(AccountOf(call), market?.Symbol));
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                AccountJson.WritePositionRisk(w, SpecOf(row.Symbol), row);
            }

            w.WriteEndArray();
        });
    }

    private SimReply UserTrades(TradingCall call)
    {
        var market = RequireSymbol(call);
        var p = call.Parameters;
        var (start, end) = TimeRange(p);
        var fromId = p.OptionalLong("fromId");
        if (fromId is not null && (start is not null || end is not null))
        {
            throw new AsterErrorException(new AsterError(-1128, "Combination of optional parameters invalid: fromId cannot be sent with startTime or endTime."));
        }

        var limit = p.BoundedInt("limit", 500, 1, 1000);
        var trades = Require(_venue.GetUserTrades(AccountOf(call), market.Symbol, start, end, fromId, limit));
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var trade in trades)
            {
                AccountJson.WriteUserTrade(w, market.Spec, trade);
            }

            w.WriteEndArray();
        });
    }

    private SimReply Income(TradingCall call)
    {
        var market = OptionalSymbol(call);
        var p = call.Parameters;
        var (start, end) = TimeRange(p);
        var limit = p.BoundedInt("limit", 100, 1, 1000);
        var typeText = p.Optional("incomeType");
        var type = typeText is null ? null : TradingWire.ParseIncomeType(typeText);

        // WELCOME_BONUS and the like exist on Aster but never occur here: asking for them finds nothing.
        var rows = typeText is not null && type is null
            ? []
            : Require(_venue.GetIncome(AccountOf(call), market?.Symbol, type, start, end, limit));
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                AccountJson.WriteIncome(w, row);
            }

            w.WriteEndArray();
        });
    }

    // This venue has no auto-deleveraging, so every position sits in the lowest quantile, 0.
    private SimReply AdlQuantile(TradingCall call)
    {
        var market = OptionalSymbol(call);
        var account = AccountOf(call);
        var hedge = Require(_venue.GetPositionMode(account)) == PositionMode.Hedge;
        var held = Require(_venue.GetPositionRisk(account, market?.Symbol))
            .Where(r => r.PositionAmount != 0m)
            .Select(r => r.Symbol)
            .Distinct()
            .ToList();
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var symbol in held)
            {
                w.WriteStartObject();
                w.WriteString("symbol", symbol.Value);
                w.WriteStartObject("adlQuantile");
                w.WriteNumber("LONG", 0);
                w.WriteNumber("SHORT", 0);
                w.WriteNumber(hedge ? "HEDGE" : "BOTH", 0);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    // What the symbol's leverage bracket still allows at the given leverage, beyond the positions held now.
    private SimReply RemainingOpenableNotional(TradingCall call)
    {
        var market = RequireSymbol(call);
        var leverage = call.Parameters.RequiredLong("leverage");
        var instrument = market.Spec.Instrument;
        if (leverage < 1 || leverage > instrument.MaxLeverageAt(0m))
        {
            throw new AsterErrorException(OrderJson.ToAsterError(Venue.Commands.VenueErrors.InvalidLeverage((int)Math.Clamp(leverage, int.MinValue, int.MaxValue))));
        }

        var held = Require(_venue.GetPositionRisk(AccountOf(call), market.Symbol)).Sum(r => Math.Abs(r.Notional));
        var remaining = Math.Max(0m, instrument.MaxNotionalAt((int)leverage) - held);
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("remainingOpenableNotionalValue", Math.Round(remaining, TradingNumbers.MoneyDecimals, MidpointRounding.ToZero));
            w.WriteEndObject();
        });
    }
}
