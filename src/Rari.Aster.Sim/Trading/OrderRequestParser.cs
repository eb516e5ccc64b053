using System.Globalization;
using System.Text.Json;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Venue.Orders;

namespace Rari.Aster.Sim.Trading;

/// <summary>A new order read from a request: what the venue is asked to place and how to answer.</summary>
/// <param name="Market">The symbol it is for.</param>
/// <param name="Request">The venue's request.</param>
/// <param name="WantsResult">True for <c>newOrderRespType=RESULT</c> (the order after matching); false for ACK (as accepted).</param>
/// <param name="PriceProtect">The <c>priceProtect</c> flag, echoed in the order object.</param>
internal sealed record ParsedOrder(MarketSymbol Market, NewOrderRequest Request, bool WantsResult, bool PriceProtect);

/// <summary>
/// Reads a new order (<c>POST order</c>, or one element of <c>batchOrders</c>) into a venue request, refusing
/// malformed text with Aster's codes: −1102 missing or malformed, −1121 unknown symbol, −1117 side, −1116 type,
/// −1115 time in force, −4060 position side, −4031 working type, −1136 response type, −1130 bad flag values, −4138
/// closePosition with <c>reduceOnly=false</c>, −1106 trailing-stop parameters on other types, −1020 what this
/// simulator does not run. The combination rules (−1106, −4061, −4137, −4015, …) are the venue's.
/// </summary>
/// <remarks>
/// ccxt's <c>builder</c>, <c>feeRate</c> and <c>postOnly</c> are accepted and ignored (the post-only intent travels as
/// <c>timeInForce=GTX</c>), as is <c>stpMode</c> (accounts never trade with each other here, so self-trade prevention
/// never applies). <c>priceProtect</c> is accepted and echoed: the mark is the last price at every bar's close, so it
/// never holds a trigger back.
/// </remarks>
internal static class OrderRequestParser
{
    /// <summary>Reads a single order's parameters.</summary>
    /// <exception cref="AsterErrorException">The request is malformed.</exception>
    public static ParsedOrder Parse(RequestParameters parameters, MarketReplay replay) =>
        Parse(new OrderFields(parameters.Optional), replay);

    /// <summary>Reads one element of a <c>batchOrders</c> list: a JSON object whose values are strings, numbers or booleans.</summary>
    /// <exception cref="AsterErrorException">The element is malformed.</exception>
    public static ParsedOrder Parse(JsonElement element, MarketReplay replay)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("batchOrders", "every element must be an order object."));
        }

        return Parse(new OrderFields(name => element.TryGetProperty(name, out var value) ? Text(value) : null), replay);
    }

    /// <summary>The symbol a request names: −1102 when missing, −1121 when not served.</summary>
    public static MarketSymbol Symbol(string? text, MarketReplay replay)
    {
        if (text is null)
        {
            throw new AsterErrorException(AsterErrors.MandatoryParameter("symbol"));
        }

        return Domain.Identifiers.Symbol.TryParse(text, out var symbol) && replay.Find(symbol) is { } market
            ? market
            : throw new AsterErrorException(AsterErrors.InvalidSymbol());
    }

    private static ParsedOrder Parse(OrderFields fields, MarketReplay replay)
    {
        var market = Symbol(fields.Optional("symbol"), replay);
        var side = TradingWire.ParseSide(fields.Required("side"));
        var type = TradingWire.ParseType(fields.Required("type"));
        var wantsResult = fields.Optional("newOrderRespType") switch
        {
            null or "ACK" => false,
            "RESULT" => true,
            _ => throw new AsterErrorException(new AsterError(-1136, "Invalid newOrderRespType.")),
        };

        foreach (var trailing in (string[])["activationPrice", "callbackRate"])
        {
            if (fields.Optional(trailing) is not null)
            {
                throw new AsterErrorException(new AsterError(-1106, $"Parameter '{trailing}' sent when not required."));
            }
        }

        if (fields.Optional("pegPriceType") is not null || fields.Optional("pegOffset") is not null)
        {
            throw new AsterErrorException(AsterErrors.Unsupported("Pegged orders (pegPriceType, pegOffset) are not supported by this simulator."));
        }

        if (fields.Optional("stpMode") is { } stp && !TradingWire.IsStpMode(stp))
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("stpMode", "use EXPIRE_TAKER, EXPIRE_MAKER or EXPIRE_BOTH."));
        }

        var reduceOnly = fields.Bool("reduceOnly");
        var closePosition = fields.Bool("closePosition") ?? false;
        if (closePosition && reduceOnly == false)
        {
            throw new AsterErrorException(new AsterError(-4138, "Reduce only must be true with closePosition equals true."));
        }

        var request = new NewOrderRequest(market.Symbol, side, type)
        {
            PositionSide = fields.Optional("positionSide") is { } positionSide ? TradingWire.ParsePositionSide(positionSide) : null,
            TimeInForce = fields.Optional("timeInForce") is { } tif ? TradingWire.ParseTimeInForce(tif) : null,
            Quantity = fields.Decimal("quantity"),
            Price = fields.Decimal("price"),
            StopPrice = fields.Decimal("stopPrice"),
            ReduceOnly = reduceOnly ?? false,
            ClosePosition = closePosition,
            ClientOrderId = fields.Optional("newClientOrderId"),
            WorkingType = fields.Optional("workingType") is { } working ? TradingWire.ParseWorkingType(working) : WorkingType.ContractPrice,
        };
        return new ParsedOrder(market, request, wantsResult, fields.Bool("priceProtect") ?? false);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new AsterErrorException(AsterErrors.InvalidParameter("batchOrders", "order values must be strings, numbers or booleans.")),
    };

    /// <summary>Typed reads over a name → text lookup that yields null for absent or empty values.</summary>
    private sealed class OrderFields(Func<string, string?> lookup)
    {
        public string? Optional(string name) => lookup(name);

        public string Required(string name) => lookup(name) ?? throw new AsterErrorException(AsterErrors.MandatoryParameter(name));

        public decimal? Decimal(string name) => lookup(name) is { } text
            ? decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new AsterErrorException(AsterErrors.MandatoryParameter(name))
            : null;

        public bool? Bool(string name) => lookup(name) switch
        {
            null => null,
            var text when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) => true,
            var text when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new AsterErrorException(AsterErrors.InvalidParameter(name, "expected true or false.")),
        };
    }
}
