using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Models;

/// <summary>
/// A new order as the venue takes it (<c>POST order</c>, and one element of <c>batchOrders</c>; fact sheet §3.3).
/// Build it from a strategy's intent with <see cref="OrderIntentMapping.ToNewOrderRequest"/>, which formats prices
/// and quantities on the instrument's grid.
/// </summary>
/// <remarks>
/// The client order id is required: it is what makes an unknown outcome resolvable (query by
/// <c>origClientOrderId</c>) and a restart unable to double the order. Decimals are sent with their own scale
/// (<c>0.010m</c> goes out as <c>0.010</c>).
/// </remarks>
public sealed record NewOrderRequest
{
    /// <summary>Symbol.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary>BUY or SELL.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Order type.</summary>
    public required AsterOrderType Type { get; init; }

    /// <summary>Our id of the order (<c>newClientOrderId</c>).</summary>
    public required ClientOrderId ClientOrderId { get; init; }

    /// <summary>Quantity in base units; not with <see cref="ClosePosition"/>.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>Limit price (LIMIT, STOP, TAKE_PROFIT).</summary>
    public decimal? Price { get; init; }

    /// <summary>Time in force (LIMIT orders).</summary>
    public AsterTimeInForce? TimeInForce { get; init; }

    /// <summary>BOTH in one-way mode (the default when unset), LONG or SHORT in hedge mode.</summary>
    public PositionSide? PositionSide { get; init; }

    /// <summary>Trigger price (STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET).</summary>
    public decimal? StopPrice { get; init; }

    /// <summary>Activation price of a TRAILING_STOP_MARKET order.</summary>
    public decimal? ActivationPrice { get; init; }

    /// <summary>Callback rate of a TRAILING_STOP_MARKET order, in percent (1 = 1 %).</summary>
    public decimal? CallbackRate { get; init; }

    /// <summary>Which price triggers a conditional order.</summary>
    public AsterWorkingType? WorkingType { get; init; }

    /// <summary>Trigger protection for conditional orders.</summary>
    public bool? PriceProtect { get; init; }

    /// <summary>Only shrink the position (one-way mode only).</summary>
    public bool? ReduceOnly { get; init; }

    /// <summary>Close the whole position when triggered (STOP_MARKET, TAKE_PROFIT_MARKET).</summary>
    public bool? ClosePosition { get; init; }

    /// <summary>ACK (the venue's default) or RESULT.</summary>
    public AsterOrderResponseType? ResponseType { get; init; }

    /// <summary>Every reason the venue would refuse this order's shape (§3.3 mandatory parameters); empty when none.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Symbol.Value is null)
        {
            problems.Add("Symbol is required.");
        }

        if (ClientOrderId.Value is null)
        {
            problems.Add("ClientOrderId is required: it is how an order with an unknown outcome is found again.");
        }

        if (!Enum.IsDefined(Side) || !Enum.IsDefined(Type) || Type is AsterOrderType.Unknown or AsterOrderType.Liquidation)
        {
            problems.Add(Text($"Side {Side} with type {Type} cannot be sent; use BUY/SELL and a placeable order type."));
            return problems;
        }

        var closes = ClosePosition == true;
        var needsPrice = Type is AsterOrderType.Limit or AsterOrderType.Stop or AsterOrderType.TakeProfit;
        var needsStop = Type is AsterOrderType.Stop or AsterOrderType.StopMarket or AsterOrderType.TakeProfit or AsterOrderType.TakeProfitMarket;
        Require(problems, closes ? Quantity is null : Quantity is not null,
            closes ? "a closePosition order takes no quantity." : Text($"a {WireNames.Of(Type)} order needs a quantity."));
        Require(problems, !needsPrice || Price is not null, Text($"a {WireNames.Of(Type)} order needs a price."));
        Require(problems, !needsStop || StopPrice is not null, Text($"a {WireNames.Of(Type)} order needs a stopPrice."));
        Require(problems, Type != AsterOrderType.Limit || TimeInForce is not null, "a LIMIT order needs a timeInForce.");
        Require(problems, Type != AsterOrderType.TrailingStopMarket || CallbackRate is not null, "a TRAILING_STOP_MARKET order needs a callbackRate.");
        Require(problems, !closes || Type is AsterOrderType.StopMarket or AsterOrderType.TakeProfitMarket,
            "closePosition applies to STOP_MARKET and TAKE_PROFIT_MARKET orders only.");
        Require(problems, !(closes && ReduceOnly == true), "reduceOnly cannot be sent with closePosition.");
        Require(problems, !(ReduceOnly == true && PositionSide is Rari.Domain.Orders.PositionSide.Long or Rari.Domain.Orders.PositionSide.Short),
            "reduceOnly is not allowed in hedge mode (positionSide LONG or SHORT).");
        foreach (var (name, value) in (ReadOnlySpan<(string, decimal?)>)[("quantity", Quantity), ("price", Price), ("stopPrice", StopPrice), ("activationPrice", ActivationPrice), ("callbackRate", CallbackRate)])
        {
            Require(problems, value is not <= 0m, Text($"{name} must be positive, got {value}."));
        }

        return problems;
    }

    /// <summary>
    /// The parameters in the order they are sent: symbol, side, type, quantity, price, timeInForce,
    /// newClientOrderId, positionSide, then the conditional and flag parameters, newOrderRespType last (the order
    /// of the docs' and the vectors' examples).
    /// </summary>
    /// <exception cref="ArgumentException">The order's shape is invalid (see <see cref="Problems"/>).</exception>
    public IReadOnlyList<KeyValuePair<string, string>> ToParameters()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Order {ClientOrderId} cannot be sent: {string.Join(" ", problems)}");
        }

        var parameters = new List<KeyValuePair<string, string>>(16)
        {
            new("symbol", Symbol.Value),
            new("side", WireNames.Of(Side)),
            new("type", WireNames.Of(Type)),
        };
        AddDecimal(parameters, "quantity", Quantity);
        AddDecimal(parameters, "price", Price);
        AddText(parameters, "timeInForce", TimeInForce is { } tif ? WireNames.Of(tif) : null);
        AddText(parameters, "newClientOrderId", ClientOrderId.Value);
        AddText(parameters, "positionSide", PositionSide is { } side ? WireNames.Of(side) : null);
        AddDecimal(parameters, "stopPrice", StopPrice);
        AddDecimal(parameters, "activationPrice", ActivationPrice);
        AddDecimal(parameters, "callbackRate", CallbackRate);
        AddText(parameters, "workingType", WorkingType is { } working ? WireNames.Of(working) : null);

        // The docs spell priceProtect in capitals ("TRUE"/"FALSE") and the other flags in lower case.
        AddText(parameters, "priceProtect", PriceProtect is { } protect ? (protect ? "TRUE" : "FALSE") : null);
        AddText(parameters, "reduceOnly", ReduceOnly is { } reduce ? (reduce ? "true" : "false") : null);
        AddText(parameters, "closePosition", ClosePosition is { } close ? (close ? "true" : "false") : null);
        AddText(parameters, "newOrderRespType", ResponseType is { } response ? WireNames.Of(response) : null);
        return parameters;
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    private static void AddDecimal(List<KeyValuePair<string, string>> parameters, string name, decimal? value)
    {
        if (value is { } v)
        {
            parameters.Add(new(name, v.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void AddText(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
