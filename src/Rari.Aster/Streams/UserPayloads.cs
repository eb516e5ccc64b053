using System.Text.Json;
using Rari.Aster.Models;
using Rari.Domain.Orders;
using static Rari.Aster.Streams.JsonFields;

namespace Rari.Aster.Streams;

/// <summary>Turns user-data payloads (fact sheet §4.5 field names) into <see cref="AsterUserStreamEvent"/> records.</summary>
internal static class UserPayloads
{
    /// <summary>Parses one message, raw or in a combined-stream wrapper.</summary>
    /// <exception cref="FormatException">The message is not an event this client reads; the text says why.</exception>
    public static AsterUserStreamEvent Parse(JsonElement root)
    {
        var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var wrapped) && root.TryGetProperty("stream", out _)
            ? wrapped
            : root;
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the payload is not an object");
        }

        var type = GetText(data, "e");
        var time = GetLong(data, "E");
        return type switch
        {
            "ORDER_TRADE_UPDATE" => new AsterOrderTradeUpdate(time, GetLong(data, "T"), OrderUpdate(Required(data, "o"))),
            "ACCOUNT_UPDATE" => AccountUpdate(data, time),
            "MARGIN_CALL" => MarginCall(data, time),
            "ACCOUNT_CONFIG_UPDATE" => ConfigUpdate(data, time),
            "listenKeyExpired" => new AsterListenKeyExpired(time),
            _ => throw new FormatException($"event type '{type}' is not one this client reads"),
        };
    }

    private static AsterOrderUpdate OrderUpdate(JsonElement o) => new()
    {
        Symbol = GetSymbol(o, "s"),
        ClientOrderId = GetText(o, "c"),
        Side = WireValue.Parse<OrderSide>(GetText(o, "S")),
        OrderType = WireValue.Parse<AsterOrderType>(GetText(o, "o")),
        TimeInForce = WireValue.Parse<AsterTimeInForce>(GetOptionalText(o, "f")),
        OriginalQuantity = GetDecimal(o, "q"),
        OriginalPrice = GetDecimal(o, "p"),
        AveragePrice = GetDecimal(o, "ap"),
        StopPrice = GetOptionalDecimal(o, "sp") ?? 0m,
        ExecutionType = WireValue.Parse<AsterExecutionType>(GetText(o, "x")),
        Status = WireValue.Parse<AsterOrderStatus>(GetText(o, "X")),
        OrderId = GetLong(o, "i"),
        LastFilledQuantity = GetDecimal(o, "l"),
        CumulativeFilledQuantity = GetDecimal(o, "z"),
        LastFilledPrice = GetDecimal(o, "L"),
        CommissionAsset = GetOptionalText(o, "N"),
        Commission = GetOptionalDecimal(o, "n"),
        TradeTimeMs = GetLong(o, "T"),
        TradeId = GetOptionalLong(o, "t") ?? 0,
        BidsNotional = GetOptionalDecimal(o, "b") ?? 0m,
        AsksNotional = GetOptionalDecimal(o, "a") ?? 0m,
        IsMaker = GetOptionalBool(o, "m") ?? false,
        ReduceOnly = GetOptionalBool(o, "R") ?? false,
        WorkingType = WireValue.Parse<AsterWorkingType>(GetOptionalText(o, "wt")),
        OriginalOrderType = WireValue.Parse<AsterOrderType>(GetOptionalText(o, "ot")),
        PositionSide = WireValue.Parse<PositionSide>(GetOptionalText(o, "ps")),
        ClosePosition = GetOptionalBool(o, "cp") ?? false,
        ActivationPrice = GetOptionalDecimal(o, "AP"),
        CallbackRate = GetOptionalDecimal(o, "cr"),
        RealizedProfit = GetOptionalDecimal(o, "rp") ?? 0m,
    };

    private static AsterAccountUpdate AccountUpdate(JsonElement data, long time)
    {
        var a = Required(data, "a");
        var balances = new List<AsterBalanceUpdate>();
        foreach (var b in Array(a, "B"))
        {
            balances.Add(new AsterBalanceUpdate(GetText(b, "a"), GetDecimal(b, "wb"), GetDecimal(b, "cw"), GetOptionalDecimal(b, "bc") ?? 0m));
        }

        var positions = new List<AsterPositionUpdate>();
        foreach (var p in Array(a, "P"))
        {
            positions.Add(new AsterPositionUpdate(
                GetSymbol(p, "s"), GetDecimal(p, "pa"), GetDecimal(p, "ep"), GetOptionalDecimal(p, "cr") ?? 0m, GetDecimal(p, "up"),
                WireValue.Parse<AsterMarginType>(GetText(p, "mt")), GetOptionalDecimal(p, "iw") ?? 0m, WireValue.Parse<PositionSide>(GetText(p, "ps"))));
        }

        return new AsterAccountUpdate(time, GetLong(data, "T"), WireValue.Parse<AsterAccountUpdateReason>(GetText(a, "m")), balances, positions);
    }

    private static AsterMarginCall MarginCall(JsonElement data, long time)
    {
        var positions = new List<AsterMarginCallPosition>();
        foreach (var p in Array(data, "p"))
        {
            positions.Add(new AsterMarginCallPosition(
                GetSymbol(p, "s"), WireValue.Parse<PositionSide>(GetText(p, "ps")), GetDecimal(p, "pa"), WireValue.Parse<AsterMarginType>(GetText(p, "mt")),
                GetOptionalDecimal(p, "iw") ?? 0m, GetDecimal(p, "mp"), GetDecimal(p, "up"), GetDecimal(p, "mm")));
        }

        return new AsterMarginCall(time, GetOptionalDecimal(data, "cw") ?? 0m, positions);
    }

    private static AsterAccountConfigUpdate ConfigUpdate(JsonElement data, long time)
    {
        var update = new AsterAccountConfigUpdate(time, GetLong(data, "T"));
        if (Has(data, "ac"))
        {
            var ac = data.GetProperty("ac");
            update = update with { Symbol = GetSymbol(ac, "s"), Leverage = checked((int)GetLong(ac, "l")) };
        }

        if (Has(data, "ai"))
        {
            var ai = data.GetProperty("ai");
            update = update with { MultiAssetsMode = GetOptionalBool(ai, "j"), FeeDeduction = GetOptionalBool(ai, "f"), HedgeMode = GetOptionalBool(ai, "d") };
        }

        return update;
    }

    private static JsonElement[] Array(JsonElement e, string name)
    {
        if (!Has(e, name))
        {
            return [];
        }

        var list = e.GetProperty(name);
        return list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : throw new FormatException($"field '{name}' is not a list");
    }
}
