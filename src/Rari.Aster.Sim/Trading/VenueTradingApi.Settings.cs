using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Streams;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Commands;

namespace Rari.Aster.Sim.Trading;

// Account settings and money moves: leverage, margin type, isolated margin (and its history), position mode,
// multi-assets and STP modes, transfers.
public sealed partial class VenueTradingApi
{
    private const int MaxClientTransferIdLength = 63;

    private SimReply ChangeLeverage(TradingCall call)
    {
        var market = RequireSymbol(call);
        var requested = call.Parameters.RequiredLong("leverage");
        var leverage = (int)Math.Clamp(requested, int.MinValue, int.MaxValue);
        var changed = Require(_venue.ChangeLeverage(AccountOf(call), market.Symbol, leverage));
        _context.UserEvents.Publish(call.Account.Name, new AccountConfigUpdate(_venue.NowMs, _venue.NowMs)
        {
            Symbol = changed.Symbol.Value,
            Leverage = changed.Leverage,
        });
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("leverage", changed.Leverage);
            w.WriteString("maxNotionalValue", Json.AsterNumber.Plain(changed.MaxNotionalValue));
            w.WriteString("symbol", changed.Symbol.Value);
            w.WriteEndObject();
        });
    }

    private SimReply ChangeMarginType(TradingCall call)
    {
        var market = RequireSymbol(call);
        var marginType = TradingWire.ParseMarginType(call.Parameters.Required("marginType"));
        Require(_venue.ChangeMarginType(AccountOf(call), market.Symbol, marginType));
        return SimReply.Success();
    }

    private SimReply ModifyPositionMargin(TradingCall call)
    {
        var market = RequireSymbol(call);
        var p = call.Parameters;
        var amount = p.OptionalDecimal("amount") ?? throw new AsterErrorException(AsterErrors.MandatoryParameter("amount"));
        var type = p.RequiredLong("type") switch
        {
            1 => IsolatedMarginDirection.Add,
            2 => IsolatedMarginDirection.Reduce,
            _ => throw new AsterErrorException(AsterErrors.InvalidParameter("type", "use 1 (add) or 2 (reduce).")),
        };
        var side = p.Optional("positionSide") is { } text ? TradingWire.ParsePositionSide(text) : (PositionSide?)null;
        var changed = Require(_venue.ModifyIsolatedMargin(AccountOf(call), market.Symbol, side, amount, type));
        ExtrasOf(call).MarginMoves.Add(new MarginMove(changed.Symbol, changed.PositionSide, changed.Amount, (int)type, _venue.NowMs));
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("amount", changed.Amount);
            w.WriteNumber("code", 200);
            w.WriteString("msg", "Successfully modify position margin.");
            w.WriteNumber("type", (int)type);
            w.WriteEndObject();
        });
    }

    private SimReply PositionMarginHistory(TradingCall call)
    {
        var market = RequireSymbol(call);
        var p = call.Parameters;
        var type = p.OptionalLong("type");
        if (type is not (null or 1 or 2))
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("type", "use 1 (add) or 2 (reduce)."));
        }

        var (start, end) = TimeRange(p);
        var limit = p.BoundedInt("limit", 500, 1, 1000);
        var moves = ExtrasOf(call).MarginMoves
            .Where(m => m.Symbol == market.Symbol && (type is null || m.Type == type) && (start is null || m.TimeMs >= start) && (end is null || m.TimeMs <= end))
            .ToList();
        var first = start is null ? Math.Max(0, moves.Count - limit) : 0;
        return SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var move in moves.Skip(first).Take(limit))
            {
                w.WriteStartObject();
                w.WriteString("amount", TradingNumbers.Money(move.Amount));
                w.WriteString("asset", "USDT");
                w.WriteString("symbol", move.Symbol.Value);
                w.WriteNumber("time", move.TimeMs);
                w.WriteNumber("type", move.Type);
                w.WriteString("positionSide", TradingWire.PositionSide(move.PositionSide));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private SimReply GetPositionMode(TradingCall call)
    {
        var hedge = Require(_venue.GetPositionMode(AccountOf(call))) == PositionMode.Hedge;
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("dualSidePosition", hedge);
            w.WriteEndObject();
        });
    }

    private SimReply ChangePositionMode(TradingCall call)
    {
        var hedge = call.Parameters.OptionalBool("dualSidePosition") ?? throw new AsterErrorException(AsterErrors.MandatoryParameter("dualSidePosition"));
        Require(_venue.ChangePositionMode(AccountOf(call), hedge ? PositionMode.Hedge : PositionMode.OneWay));
        _context.UserEvents.Publish(call.Account.Name, new AccountConfigUpdate(_venue.NowMs, _venue.NowMs)
        {
            MultiAssetsMode = false,
            HedgeMode = hedge,
        });
        return SimReply.Success();
    }

    private static SimReply GetMultiAssetsMode() => SimReply.Json(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("multiAssetsMargin", false);
        w.WriteEndObject();
    });

    // The simulator margins in USDT alone: single-asset mode is the only one, and asking for it changes nothing.
    private static SimReply ChangeMultiAssetsMode(TradingCall call)
    {
        var multiAssets = call.Parameters.OptionalBool("multiAssetsMargin") ?? throw new AsterErrorException(AsterErrors.MandatoryParameter("multiAssetsMargin"));
        return multiAssets
            ? throw new AsterErrorException(AsterErrors.Unsupported("Multi-assets mode is not supported by this simulator: every account margins in USDT."))
            : SimReply.Success();
    }

    private SimReply GetStpMode(TradingCall call)
    {
        var mode = ExtrasOf(call).StpMode;
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("stpMode", mode);
            w.WriteEndObject();
        });
    }

    // Kept and reported; it never acts, because accounts here trade against the market, never with each other.
    private SimReply ChangeStpMode(TradingCall call)
    {
        var mode = call.Parameters.Required("stpMode");
        if (!TradingWire.IsStpMode(mode))
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("stpMode", "use EXPIRE_TAKER, EXPIRE_MAKER or EXPIRE_BOTH."));
        }

        ExtrasOf(call).StpMode = mode;
        return SimReply.Success();
    }

    // SPOT_FUTURE brings USDT in (the simulator has no spot wallet: it comes from outside), FUTURE_SPOT takes it out.
    private SimReply WalletTransfer(TradingCall call)
    {
        var p = call.Parameters;
        var amount = p.OptionalDecimal("amount") ?? throw new AsterErrorException(AsterErrors.MandatoryParameter("amount"));
        if (p.Required("asset") != "USDT")
        {
            throw new AsterErrorException(new AsterError(-1108, "Invalid asset: the simulator holds USDT only."));
        }

        var sign = p.Required("kindType") switch
        {
            "SPOT_FUTURE" => 1m,
            "FUTURE_SPOT" => -1m,
            _ => throw new AsterErrorException(AsterErrors.InvalidParameter("kindType", "use FUTURE_SPOT or SPOT_FUTURE.")),
        };
        var clientTransferId = p.Required("clientTranId");
        var extras = ExtrasOf(call);
        if (clientTransferId.Length > MaxClientTransferIdLength)
        {
            throw new AsterErrorException(new AsterError(-4114, "clientTranId is longer than 63 characters."));
        }

        if (extras.TransferIds.Contains(clientTransferId))
        {
            throw new AsterErrorException(new AsterError(-4115, "Duplicated clientTranId."));
        }

        if (amount <= 0m)
        {
            throw new AsterErrorException(OrderJson.ToAsterError(VenueErrors.AmountMustBePositive));
        }

        var done = Require(_venue.Transfer(AccountOf(call), sign * amount));
        extras.TransferIds.Add(clientTransferId);
        return SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("tranId", done.TransactionId);
            w.WriteString("status", "SUCCESS");
            w.WriteEndObject();
        });
    }
}
