using Rari.Domain.Orders;

namespace Rari.Domain.Instruments;

/// <summary>
/// An order as the symbol filters see it: what is asked (side, type, prices, quantity, flags) and the context the
/// checks need (mark price, open-order counts). Input of <see cref="InstrumentRules.Validate"/> and
/// <see cref="InstrumentRules.Normalize"/>.
/// </summary>
/// <remarks>
/// <para>The constructor enforces the order's shape, which Aster checks while parsing the request, before any filter:
/// LIMIT needs a price; STOP_MARKET and TAKE_PROFIT_MARKET need a stop price and no price; MARKET has neither;
/// <c>closePosition</c> is only for STOP_MARKET / TAKE_PROFIT_MARKET, has no quantity and no reduce-only flag;
/// every other order has a quantity. A request that breaks these (Aster −1102, −1106, −4137, −4138) is the
/// parser's error to report; here it is a programming error and throws.</para>
/// <para>Prices and quantities themselves may be anything, zero and negative included, so that the filters can
/// report them with Aster's codes. The shape properties have no <c>init</c> accessors; the context properties
/// do, for <c>with</c> expressions.</para>
/// </remarks>
public sealed record OrderCheck
{
    /// <summary>Creates an order check, enforcing the order's shape.</summary>
    /// <param name="side">BUY or SELL.</param>
    /// <param name="type">The order type.</param>
    /// <param name="price">Limit price; LIMIT only.</param>
    /// <param name="stopPrice">Trigger price; STOP_MARKET and TAKE_PROFIT_MARKET only.</param>
    /// <param name="quantity">Quantity in base units; absent only when <paramref name="closePosition"/> is true.</param>
    /// <param name="reduceOnly">The order may only reduce the position (exempt from MIN_NOTIONAL).</param>
    /// <param name="closePosition">A conditional order that closes the whole position when triggered.</param>
    /// <exception cref="ArgumentException">The combination is not an order Aster accepts.</exception>
    public OrderCheck(
        OrderSide side,
        OrderType type,
        decimal? price,
        decimal? stopPrice,
        decimal? quantity,
        bool reduceOnly = false,
        bool closePosition = false)
    {
        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, "Side must be Buy or Sell.");
        }

        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Type must be Limit, Market, StopMarket or TakeProfitMarket.");
        }

        var conditional = type is OrderType.StopMarket or OrderType.TakeProfitMarket;
        if (type == OrderType.Limit ? price is null : price is not null)
        {
            throw new ArgumentException(
                type == OrderType.Limit ? "A LIMIT order needs a price." : $"A {type} order has no limit price.", nameof(price));
        }

        if (conditional ? stopPrice is null : stopPrice is not null)
        {
            throw new ArgumentException(
                conditional ? $"A {type} order needs a stop price." : $"A {type} order has no stop price.", nameof(stopPrice));
        }

        if (closePosition && !conditional)
        {
            throw new ArgumentException("closePosition is only for StopMarket and TakeProfitMarket orders.", nameof(closePosition));
        }

        if (closePosition && reduceOnly)
        {
            throw new ArgumentException("A closePosition order cannot also be sent reduce-only.", nameof(reduceOnly));
        }

        if (closePosition ? quantity is not null : quantity is null)
        {
            throw new ArgumentException(
                closePosition ? "A closePosition order has no quantity." : "The order needs a quantity.", nameof(quantity));
        }

        Side = side;
        Type = type;
        Price = price;
        StopPrice = stopPrice;
        Quantity = quantity;
        ReduceOnly = reduceOnly;
        ClosePosition = closePosition;
    }

    /// <summary>BUY or SELL.</summary>
    public OrderSide Side { get; }

    /// <summary>The order type.</summary>
    public OrderType Type { get; }

    /// <summary>Limit price (LIMIT orders), otherwise null.</summary>
    public decimal? Price { get; }

    /// <summary>Trigger price (STOP_MARKET, TAKE_PROFIT_MARKET), otherwise null.</summary>
    public decimal? StopPrice { get; }

    /// <summary>Quantity in base units; null for a closePosition order.</summary>
    public decimal? Quantity { get; }

    /// <summary>Whether the order may only reduce the position; such orders are exempt from MIN_NOTIONAL.</summary>
    public bool ReduceOnly { get; }

    /// <summary>Whether this conditional order closes the whole position when triggered (it has no quantity).</summary>
    public bool ClosePosition { get; }

    /// <summary>
    /// The symbol's current mark price, when known. MARKET orders are valued at it for MIN_NOTIONAL and LIMIT prices are
    /// held to PERCENT_PRICE around it; without it those two checks are skipped (the exchange always has one).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public decimal? MarkPrice
    {
        get;
        init => field = value is null or > 0m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MarkPrice must be positive when given.");
    }

    /// <summary>Orders already open on the symbol for the account, conditional orders included (MAX_NUM_ORDERS).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int OpenOrderCount
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "OpenOrderCount must not be negative.");
    }

    /// <summary>Conditional orders already open on the symbol for the account (MAX_NUM_ALGO_ORDERS).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int OpenAlgoOrderCount
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "OpenAlgoOrderCount must not be negative.");
    }

    /// <summary>Whether the order waits for a trigger (STOP_MARKET, TAKE_PROFIT_MARKET) and so counts as an algo order.</summary>
    public bool IsConditional => Type is OrderType.StopMarket or OrderType.TakeProfitMarket;

    /// <summary>A LIMIT order.</summary>
    public static OrderCheck Limit(OrderSide side, decimal price, decimal quantity, bool reduceOnly = false) =>
        new(side, OrderType.Limit, price, null, quantity, reduceOnly);

    /// <summary>A MARKET order.</summary>
    public static OrderCheck Market(OrderSide side, decimal quantity, bool reduceOnly = false) =>
        new(side, OrderType.Market, null, null, quantity, reduceOnly);

    /// <summary>A STOP_MARKET order for a quantity.</summary>
    public static OrderCheck StopMarket(OrderSide side, decimal stopPrice, decimal quantity, bool reduceOnly = false) =>
        new(side, OrderType.StopMarket, null, stopPrice, quantity, reduceOnly);

    /// <summary>A TAKE_PROFIT_MARKET order for a quantity.</summary>
    public static OrderCheck TakeProfitMarket(OrderSide side, decimal stopPrice, decimal quantity, bool reduceOnly = false) =>
        new(side, OrderType.TakeProfitMarket, null, stopPrice, quantity, reduceOnly);

    /// <summary>A STOP_MARKET or TAKE_PROFIT_MARKET order with <c>closePosition=true</c>: no quantity.</summary>
    public static OrderCheck ClosePositionOnTrigger(OrderType type, OrderSide side, decimal stopPrice) =>
        new(side, type, null, stopPrice, null, closePosition: true);
}
